package dev.kefu.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Tags and disposition codes over HTTP: the admin's catalogue with its validation, agents tagging what they can see
 * and nothing of another organization, a group that requires a disposition at close, and reports split and filtered
 * by both.
 */
@ServerTest
class TagsAndDispositionsTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Tagging tagging;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	@Test
	void adminKeepsTheTagCatalogueAndRefusesBadTags() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		String agent = tenant.agentToken(api, 0);

		JsonNode vip = api.post("/api/v1/admin/tags", admin, Map.of("name", " VIP ", "colour", "#D97706"));
		assertThat(vip.path("name").asString()).isEqualTo("VIP");
		assertThat(vip.path("colour").asString()).isEqualTo("#d97706");
		assertThat(api.post("/api/v1/admin/tags", admin, Map.of("name", "退款")).path("colour").asString())
			.isEqualTo("#64748b");

		assertThat(api.call("POST", "/api/v1/admin/tags", admin, Map.of("name", "vip")).code()).isEqualTo("tag-exists");
		assertThat(api.call("POST", "/api/v1/admin/tags", admin, Map.of("name", " ")).code())
			.isEqualTo("invalid-tag-name");
		assertThat(api.call("POST", "/api/v1/admin/tags", admin, Map.of("name", "x".repeat(41))).code())
			.isEqualTo("invalid-tag-name");
		assertThat(api.call("POST", "/api/v1/admin/tags", admin, Map.of("name", "Red", "colour", "red")).code())
			.isEqualTo("invalid-colour");
		assertThat(api.call("POST", "/api/v1/admin/tags", agent, Map.of("name", "Mine")).status()).isEqualTo(403);

		String id = vip.path("id").asString();
		assertThat(api.put("/api/v1/admin/tags/" + id, admin, Map.of("name", "Key account", "colour", "#1f8a70"))
			.path("name").asString()).isEqualTo("Key account");
		assertThat(api.call("DELETE", "/api/v1/admin/tags/" + id, admin, null).status()).isEqualTo(204);

		assertThat(names(api.get("/api/v1/tags", agent))).containsExactly("退款");
		assertThat(names(api.get("/api/v1/admin/tags", admin))).containsExactly("Key account", "退款");
		TestTenant other = TestTenant.create(context, 1, 5);
		assertThat(api.call("PUT", "/api/v1/admin/tags/" + id, other.adminToken(api), Map.of("name", "Mine")).status())
			.isEqualTo(404);
	}

	@Test
	void agentsTagChatsAndContactsOfTheirOrganizationOnly() {
		TestTenant tenant = TestTenant.create(context, 2, 5);
		String admin = tenant.adminToken(api);
		String vip = tag(admin, "VIP");
		String archived = tag(admin, "Old");
		api.delete("/api/v1/admin/tags/" + archived, admin);
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		String conversation = "/api/v1/conversations/" + chat.id() + "/tags";

		// The agent serving the chat tags it; putting the tag on twice keeps one.
		api.put(conversation + "/" + vip, chat.agentToken(), null);
		assertThat(names(api.put(conversation + "/" + vip, chat.agentToken(), null))).containsExactly("VIP");
		// Any agent of the organization sees its chats, and may tag them too.
		String colleague = tenant.agentToken(api, 1);
		assertThat(names(api.get(conversation, colleague))).containsExactly("VIP");
		assertThat(api.call("PUT", conversation + "/" + archived, colleague, null).code()).isEqualTo("unknown-tag");
		assertThat(tagging.conversationsTagged(tenant.id(), UUID.fromString(vip))).containsExactly(UUID.fromString(chat.id()));
		// Conversation search filters by the tag, named by its id or its name in any case.
		ServedChat untagged = ServedChat.start(api, tenant, tenant.agentToken(api, 1));
		for (String named : List.of(vip, "vip")) {
			assertThat(api.get("/api/v1/conversations/search?tag=" + named, admin).path("items"))
				.extracting(item -> item.path("conversationId").asString())
				.containsExactly(chat.id())
				.doesNotContain(untagged.id());
		}
		assertThat(api.call("GET", "/api/v1/conversations/search?tag=Nope", admin, null).code()).isEqualTo("unknown-tag");

		// Another organization sees neither the chat nor may use its tags.
		TestTenant other = TestTenant.create(context, 1, 5);
		String stranger = other.agentToken(api, 0);
		assertThat(api.call("GET", conversation, stranger, null).status()).isEqualTo(404);
		assertThat(api.call("PUT", conversation + "/" + vip, stranger, null).status()).isEqualTo(404);
		String theirTag = tag(other.adminToken(api), "Theirs");
		assertThat(api.call("PUT", conversation + "/" + theirTag, colleague, null).code()).isEqualTo("unknown-tag");

		String contactId = api.get("/api/v1/conversations/" + chat.id(), colleague).path("contactId").asString();
		String contact = "/api/v1/contacts/" + contactId + "/tags";
		assertThat(names(api.put(contact + "/" + vip, colleague, null))).containsExactly("VIP");
		assertThat(api.call("GET", contact, stranger, null).status()).isEqualTo(404);
		assertThat(names(api.delete(contact + "/" + vip, chat.agentToken()))).isEmpty();

		assertThat(names(api.delete(conversation + "/" + vip, colleague))).isEmpty();
		assertThat(tagging.conversationsTagged(tenant.id(), UUID.fromString(vip))).isEmpty();
	}

	@Test
	void aGroupThatRequiresADispositionRefusesACloseWithoutOne() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		String inquiry = disposition(admin, "咨询", null);
		String shipping = disposition(admin, "物流", inquiry);
		assertThat(api.call("POST", "/api/v1/admin/dispositions", admin, Map.of("name", "快递", "parentId", shipping))
			.code()).isEqualTo("invalid-parent");
		assertThat(api.call("POST", "/api/v1/admin/dispositions", admin, Map.of("name", "物流", "parentId", inquiry))
			.code()).isEqualTo("disposition-exists");
		assertThat(api.call("PUT", "/api/v1/admin/dispositions/required-groups", admin,
				Map.of("groupIds", List.of(UUID.randomUUID()))).code()).isEqualTo("unknown-group");
		api.put("/api/v1/admin/dispositions/required-groups", admin, Map.of("groupIds", List.of(tenant.group().id())));

		String agent = tenant.agentToken(api, 0);
		JsonNode choice = api.get("/api/v1/dispositions", agent);
		assertThat(choice.path("requiredGroupIds").get(0).asString()).isEqualTo(tenant.group().id().toString());
		assertThat(choice.path("codes").valueStream().map(c -> c.path("label").asString())).containsExactly("咨询",
				"咨询 > 物流");

		ServedChat chat = ServedChat.start(api, tenant, agent);
		String close = "/api/v1/conversations/" + chat.id() + "/close";
		Api.Response refused = api.call("POST", close, agent, Map.of("reason", "resolved"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("disposition-required");
		assertThat(api.get("/api/v1/conversations/" + chat.id(), agent).path("state").asString()).isEqualTo("ASSIGNED");
		// A category with codes below it is too broad; another organization's code is unknown here.
		assertThat(api.call("POST", close, agent, Map.of("dispositionId", inquiry)).code())
			.isEqualTo("invalid-disposition");
		String theirs = disposition(TestTenant.create(context, 1, 5).adminToken(api), "Other", null);
		assertThat(api.call("POST", close, agent, Map.of("dispositionId", theirs)).code())
			.isEqualTo("invalid-disposition");

		JsonNode closed = api.post(close, agent, Map.of("reason", "resolved", "dispositionId", shipping));
		assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
		assertThat(tagging.dispositionOf(tenant.id(), UUID.fromString(chat.id()))).contains(UUID.fromString(shipping));
	}

	@Test
	void aGroupThatDoesNotRequireOneClosesWithoutAndTheCustomerNeverWaitsOnIt() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		BusinessGroup strict = tenant.addGroup(context, "Strict", 10);
		api.put("/api/v1/admin/dispositions/required-groups", admin, Map.of("groupIds", List.of(strict.id())));

		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		assertThat(api.post("/api/v1/conversations/" + chat.id() + "/close", chat.agentToken(), null).path("state")
			.asString()).isEqualTo("CLOSED");

		api.put("/api/v1/admin/dispositions/required-groups", admin, Map.of("groupIds", List.of(tenant.group().id())));
		ServedChat left = ServedChat.start(api, tenant, chat.agentToken());
		api.post("/api/v1/visitor/conversations/" + left.id() + "/end", left.visitor(), null);
		assertThat(api.get("/api/v1/conversations/" + left.id(), chat.agentToken()).path("state").asString())
			.isEqualTo("CLOSED");
	}

	@Test
	void reportsSplitAndFilterByDispositionAndTag() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		String agent = tenant.agentToken(api, 0);
		String shipping = disposition(admin, "物流", disposition(admin, "咨询", null));
		String refund = disposition(admin, "退款", null);
		String vip = tag(admin, "VIP");
		String complaint = tag(admin, "Complaint");

		String first = closedChat(tenant, agent, shipping, vip, complaint);
		closedChat(tenant, agent, refund, vip);
		String third = closedChat(tenant, agent, null);

		String report = "/api/v1/reports/kpis?period=month&by=";
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(conversationsByLabel(api.get(report + "disposition", admin)))
				.containsExactlyInAnyOrderEntriesOf(Map.of("咨询 > 物流", 1, "退款", 1, "—", 1)));
		JsonNode byTag = api.get(report + "tag", admin);
		assertThat(conversationsByLabel(byTag))
			.containsExactlyInAnyOrderEntriesOf(Map.of("VIP", 2, "Complaint", 1, "—", 1));
		assertThat(byTag.path("totals").path("conversations").asInt()).as("a chat with two tags counts once").isEqualTo(3);

		assertThat(api.get(report + "organization&tagId=" + vip, admin).path("totals").path("conversations").asInt())
			.isEqualTo(2);
		assertThat(conversationsByLabel(api.get(report + "tag&dispositionId=" + shipping, admin)))
			.containsExactlyInAnyOrderEntriesOf(Map.of("VIP", 1, "Complaint", 1));

		// Tags put on after the close reach the report too.
		api.put("/api/v1/conversations/" + third + "/tags/" + complaint, agent, null);
		api.delete("/api/v1/conversations/" + first + "/tags/" + complaint, agent);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(conversationsByLabel(api.get(report + "tag", admin)))
				.containsExactlyInAnyOrderEntriesOf(Map.of("VIP", 2, "Complaint", 1)));

		assertThat(api.call("GET", report + "mood", admin, null).code()).isEqualTo("invalid-by");
	}

	private String closedChat(TestTenant tenant, String agent, String dispositionId, String... tags) {
		ServedChat chat = ServedChat.start(api, tenant, agent).customer("Where is my parcel?").agent("On its way.");
		for (String tag : tags) {
			api.put("/api/v1/conversations/" + chat.id() + "/tags/" + tag, agent, null);
		}
		Map<String, Object> body = new HashMap<>(Map.of("reason", "resolved"));
		if (dispositionId != null) {
			body.put("dispositionId", dispositionId);
		}
		api.post("/api/v1/conversations/" + chat.id() + "/close", agent, body);
		return chat.id();
	}

	@Test
	void mergingTwoContactsLeavesTheSurvivorWithTheTagsOfBoth() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		String vip = tag(admin, "VIP");
		String wholesale = tag(admin, "Wholesale");
		String survivor = api.get("/api/v1/visitor/profile", api.visitor(tenant.slug())).path("id").asString();
		String merged = api.get("/api/v1/visitor/profile", api.visitor(tenant.slug())).path("id").asString();
		api.put("/api/v1/contacts/" + survivor + "/tags/" + vip, admin, null);
		api.put("/api/v1/contacts/" + merged + "/tags/" + vip, admin, null);
		api.put("/api/v1/contacts/" + merged + "/tags/" + wholesale, admin, null);

		api.post("/api/v1/contacts/" + survivor + "/merge", admin, Map.of("from", merged));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(names(api.get("/api/v1/contacts/" + survivor + "/tags", admin)))
				.containsExactlyInAnyOrder("VIP", "Wholesale"));
	}

	private String tag(String admin, String name) {
		return api.post("/api/v1/admin/tags", admin, Map.of("name", name)).path("id").asString();
	}

	private String disposition(String admin, String name, String parentId) {
		Map<String, Object> body = new HashMap<>(Map.of("name", name));
		if (parentId != null) {
			body.put("parentId", parentId);
		}
		return api.post("/api/v1/admin/dispositions", admin, body).path("id").asString();
	}

	private static List<String> names(JsonNode tags) {
		return tags.valueStream().map(t -> t.path("name").asString()).toList();
	}

	private static Map<String, Integer> conversationsByLabel(JsonNode report) {
		Map<String, Integer> counts = new HashMap<>();
		report.path("rows").forEach(r -> counts.merge(r.path("label").asString(),
				r.path("figures").path("conversations").asInt(), Integer::sum));
		return counts;
	}
}
