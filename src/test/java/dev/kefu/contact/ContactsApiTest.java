package dev.kefu.contact;

import static dev.kefu.testing.HostSignature.hmac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Role;
import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * The contacts list over HTTP (issue 14): search, each contact's history, and merging two contacts, with who may
 * merge what, and a customer whose contact was merged chatting on as the survivor.
 */
@ServerTest
class ContactsApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;
	String agent;

	@BeforeEach
	void organization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		agent = tenant.agentToken(api, 0);
	}

	@Test
	void findsContactsByNameEmailPhoneAndVerifiedIdNewestActivityFirst() {
		String li = customer(Map.of("name", "Li Lei", "email", "li.lei@example.com", "phone", "+86 138 0013 8000"));
		String han = customer(Map.of("name", "Han Meimei", "email", "han@example.org"));
		String verified = api.post("/api/v1/visitor/sessions", null, Map.of("organization", tenant.slug(), "userId",
				"shop-user-77", "userHash", hmac(secret(), "shop-user-77"))).path("contact").path("id").asString();

		assertThat(ids("")).startsWith(verified, han, li);
		assertThat(ids("q=" + Api.encode("lei"))).containsExactly(li);
		assertThat(ids("q=" + Api.encode("EXAMPLE.ORG"))).containsExactly(han);
		assertThat(ids("q=" + Api.encode("13800138000"))).containsExactly(li);
		assertThat(ids("q=" + Api.encode("0013 8000"))).containsExactly(li);
		assertThat(ids("q=" + Api.encode("user-77"))).containsExactly(verified);
		assertThat(ids("q=" + li)).containsExactly(li);
		assertThat(ids("q=" + Api.encode("100%"))).isEmpty();

		JsonNode page = api.get("/api/v1/contacts?size=1&page=1", agent);
		assertThat(page.path("items")).hasSize(1);
		assertThat(page.path("page").asInt()).isEqualTo(1);
		assertThat(page.path("hasMore").asBoolean()).isTrue();
		assertThat(api.call("GET", "/api/v1/contacts?size=0", agent, null).code()).isEqualTo("invalid-size");
		assertThat(api.call("GET", "/api/v1/contacts?q=" + "x".repeat(201), agent, null).code())
			.isEqualTo("invalid-query");
	}

	@Test
	void historyShowsTheContactsConversationsAndLeftMessages() {
		ServedChat chat = ServedChat.start(api, tenant, agent).customer("Where is my parcel?");
		api.put("/api/v1/visitor/profile", chat.visitor(), Map.of("name", "Wang Fang"));
		chat.close();
		api.post("/api/v1/visitor/tickets", chat.visitor(), Map.of("clientMsgId", "t-1", "email", "wang@example.com",
				"subject", "Invoice", "body", "Please send the invoice again"));
		String contact = contactOf(chat.visitor());

		JsonNode history = api.get("/api/v1/contacts/" + contact + "/history", agent);

		assertThat(history.path("contact").path("name").asString()).isEqualTo("Wang Fang");
		assertThat(history.path("conversations").valueStream().map(c -> c.path("id").asString()))
			.containsExactly(chat.id());
		assertThat(history.path("tickets").valueStream().map(t -> t.path("subject").asString()))
			.containsExactly("Invoice");
	}

	@Test
	void mergeMovesConversationsAndTicketsSoTheSurvivorsHistoryShowsBoth() {
		ServedChat first = ServedChat.start(api, tenant, agent).customer("First question");
		api.put("/api/v1/visitor/profile", first.visitor(),
				Map.of("name", "Li Lei", "attributes", Map.of("memberLevel", "gold", "city", "Beijing")));
		first.close();
		ServedChat second = ServedChat.start(api, tenant, agent).customer("Second question");
		api.put("/api/v1/visitor/profile", second.visitor(), Map.of("name", "L. Lei", "email", "li@example.com",
				"phone", "+86 138 0013 8000", "attributes", Map.of("memberLevel", "silver", "shoeSize", "42")));
		second.close();
		api.post("/api/v1/visitor/tickets", second.visitor(), Map.of("clientMsgId", "t-1", "email", "li@example.com",
				"subject", "Invoice", "body", "Please send the invoice again"));
		String survivor = contactOf(first.visitor());
		String merged = contactOf(second.visitor());

		JsonNode kept = api.post("/api/v1/contacts/" + survivor + "/merge", admin, Map.of("from", merged));

		assertThat(kept.path("id").asString()).isEqualTo(survivor);
		assertThat(kept.path("name").asString()).isEqualTo("Li Lei");
		assertThat(kept.path("email").asString()).isEqualTo("li@example.com");
		assertThat(kept.path("phone").asString()).isEqualTo("+86 138 0013 8000");
		assertThat(kept.path("attributes").path("memberLevel").asString()).isEqualTo("gold");
		assertThat(kept.path("attributes").path("city").asString()).isEqualTo("Beijing");
		assertThat(kept.path("attributes").path("shoeSize").asString()).isEqualTo("42");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode history = api.get("/api/v1/contacts/" + survivor + "/history", agent);
			assertThat(history.path("conversations").valueStream().map(c -> c.path("id").asString()))
				.containsExactlyInAnyOrder(first.id(), second.id());
			assertThat(history.path("tickets").valueStream().map(t -> t.path("subject").asString()))
				.containsExactly("Invoice");
		});
		// The merged contact's id now answers the survivor, and only the survivor is listed.
		assertThat(api.get("/api/v1/contacts/" + merged, agent).path("id").asString()).isEqualTo(survivor);
		assertThat(ids("q=" + Api.encode("Lei"))).containsExactly(survivor);
		JsonNode audit = api.get("/api/v1/admin/audit", admin);
		assertThat(audit.toString()).contains("contact.merged", "contact:" + survivor, merged);
	}

	@Test
	void refusesMergingTwoContactsVerifiedAsDifferentUsers() {
		String key = secret();
		String one = verifiedContact(key, "shop-user-1");
		String two = verifiedContact(key, "shop-user-2");
		String anonymous = contactOf(api.visitor(tenant.slug()));

		Api.Response refused = api.call("POST", "/api/v1/contacts/" + one + "/merge", admin, Map.of("from", two));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("verified-identities-differ");
		// An anonymous survivor takes the other's verified identity: the site's next signature finds it.
		JsonNode kept = api.post("/api/v1/contacts/" + anonymous + "/merge", admin, Map.of("from", two));
		assertThat(kept.path("externalId").asString()).isEqualTo("shop-user-2");
		assertThat(kept.path("verified").asBoolean()).isTrue();
		assertThat(verifiedContact(key, "shop-user-2")).isEqualTo(anonymous);
	}

	@Test
	void refusesMergingAContactWithItselfAMissingOneAndOneAlreadyMerged() {
		String one = contactOf(api.visitor(tenant.slug()));
		String two = contactOf(api.visitor(tenant.slug()));

		assertThat(api.call("POST", "/api/v1/contacts/" + one + "/merge", admin, Map.of("from", one)).code())
			.isEqualTo("merge-with-itself");
		assertThat(api.call("POST", "/api/v1/contacts/" + one + "/merge", admin, Map.of()).code())
			.isEqualTo("invalid-from");
		api.post("/api/v1/contacts/" + one + "/merge", admin, Map.of("from", two));
		Api.Response again = api.call("POST", "/api/v1/contacts/" + one + "/merge", admin, Map.of("from", two));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("contact-merged");
	}

	@Test
	void onlySupervisorsAndAdminsMerge() {
		String one = contactOf(api.visitor(tenant.slug()));
		String two = contactOf(api.visitor(tenant.slug()));
		String three = contactOf(api.visitor(tenant.slug()));
		context.getBean(StaffMembers.class).create(tenant.id(), tenant.slug() + "-lead", TestTenant.PASSWORD,
				new StaffMembers.Profile("Lead", null, Set.of(Role.SUPERVISOR), 1, true, List.of(tenant.group().id())));
		String supervisor = api.login(tenant.slug() + "-lead", TestTenant.PASSWORD);

		Api.Response byAgent = api.call("POST", "/api/v1/contacts/" + one + "/merge", agent, Map.of("from", two));

		assertThat(byAgent.status()).isEqualTo(403);
		assertThat(api.call("POST", "/api/v1/contacts/" + one + "/merge", supervisor, Map.of("from", two)).status())
			.isEqualTo(200);
		assertThat(api.call("POST", "/api/v1/contacts/" + one + "/merge", admin, Map.of("from", three)).status())
			.isEqualTo(200);
		String visitor = api.visitor(tenant.slug());
		assertThat(api.call("GET", "/api/v1/contacts", visitor, null).status()).isEqualTo(403);
	}

	@Test
	void anotherOrganizationsContactsAreNeitherListedNorMerged() {
		TestTenant other = TestTenant.create(context, 1, 5);
		String theirs = customer(other, Map.of("name", "Mallory Target"));
		String ours = customer(Map.of("name", "Our Customer"));

		assertThat(ids("q=" + Api.encode("Mallory"))).isEmpty();
		assertThat(api.call("GET", "/api/v1/contacts/" + theirs + "/history", admin, null).status()).isEqualTo(404);
		assertThat(api.call("POST", "/api/v1/contacts/" + ours + "/merge", admin, Map.of("from", theirs)).status())
			.isEqualTo(404);
		assertThat(api.call("POST", "/api/v1/contacts/" + theirs + "/merge", admin, Map.of("from", ours)).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/contacts/" + ours, admin).path("name").asString()).isEqualTo("Our Customer");
	}

	@Test
	void aCustomerWhoseContactWasMergedKeepsChattingAndLandsOnTheSurvivor() {
		ServedChat chat = ServedChat.start(api, tenant, agent).customer("Before the merge");
		String merged = contactOf(chat.visitor());
		String survivor = customer(Map.of("name", "Li Lei", "email", "li@example.com"));
		try (LiveClient widget = LiveClient.authenticated(api.http(), port, chat.visitor())) {
			api.post("/api/v1/contacts/" + survivor + "/merge", admin, Map.of("from", merged));

			// The open widget is told to connect again, and its old token is now the survivor.
			await().atMost(Duration.ofSeconds(10)).until(widget::isClosed);
		}
		try (LiveClient widget = LiveClient.authenticated(api.http(), port, chat.visitor())) {
			chat.customer("After the merge").agent("Still here");

			assertThat(widget.nextMessage().path("text").asString()).isEqualTo("After the merge");
			assertThat(widget.nextMessage().path("text").asString()).isEqualTo("Still here");
		}
		JsonNode again = api.post("/api/v1/visitor/sessions", null,
				Map.of("organization", tenant.slug(), "token", chat.visitor()));
		assertThat(again.path("contact").path("id").asString()).isEqualTo(survivor);
		assertThat(api.get("/api/v1/visitor/profile", chat.visitor()).path("name").asString()).isEqualTo("Li Lei");
		assertThat(api.get("/api/v1/conversations/" + chat.id(), agent).path("contactId").asString())
			.isEqualTo(survivor);
	}

	@Test
	void anAnonymousTokenDoesNotActAsAVerifiedSurvivor() {
		String anonymous = api.visitor(tenant.slug());
		String verified = verifiedContact(secret(), "shop-user-9");

		api.post("/api/v1/contacts/" + verified + "/merge", admin, Map.of("from", contactOf(anonymous)));

		assertThat(api.call("GET", "/api/v1/visitor/profile", anonymous, null).status()).isEqualTo(401);
		JsonNode fresh = api.post("/api/v1/visitor/sessions", null,
				Map.of("organization", tenant.slug(), "token", anonymous));
		assertThat(fresh.path("contact").path("id").asString()).isNotEqualTo(verified);
	}

	private List<String> ids(String query) {
		return api.get("/api/v1/contacts?" + query, agent).path("items").valueStream()
			.map(c -> c.path("id").asString())
			.toList();
	}

	private String customer(Map<String, ?> profile) {
		return customer(tenant, profile);
	}

	private String customer(TestTenant of, Map<String, ?> profile) {
		String visitor = api.visitor(of.slug());
		return api.put("/api/v1/visitor/profile", visitor, profile).path("id").asString();
	}

	private String contactOf(String visitorToken) {
		return api.get("/api/v1/visitor/profile", visitorToken).path("id").asString();
	}

	private String secret() {
		return api.get("/api/v1/admin/identity", admin).path("secret").asString();
	}

	private String verifiedContact(String secret, String userId) {
		return api.post("/api/v1/visitor/sessions", null, Map.of("organization", tenant.slug(), "userId", userId,
				"userHash", hmac(secret, userId))).path("contact").path("id").asString();
	}
}
