package dev.kefu.canned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Role;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** Canned responses over HTTP: who may keep which list, and how the desk finds them. */
@ServerTest
class CannedResponsesApiTest {

	static final String PATH = "/api/v1/canned-responses";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;
	String agent;
	String colleague;

	@BeforeEach
	void organizationWithTwoAgents() {
		api = new Api(port);
		tenant = TestTenant.create(context, 2, 2);
		admin = api.login(tenant.adminUsername(), TestTenant.PASSWORD);
		agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		colleague = api.login(tenant.agent(1).username(), TestTenant.PASSWORD);
	}

	@Test
	void cannedResponsesMatchByShortcutPrefix() {
		create(admin, "ORGANIZATION", "refund", "Refund policy", "Refunds take 3-5 working days.");
		create(admin, "ORGANIZATION", "refund-late", "Late refund", "Sorry for the wait.");
		create(admin, "ORGANIZATION", "hello", "Greeting", "Hello! How can I help?");

		assertThat(shortcuts(agent, "ref")).containsExactly("refund", "refund-late");
		assertThat(shortcuts(agent, "/refund-")).containsExactly("refund-late");
		assertThat(shortcuts(agent, "")).containsExactly("hello", "refund", "refund-late");
	}

	@Test
	void cannedResponsesMatchByTitleOrTextAfterShortcuts() {
		create(admin, "ORGANIZATION", "delivery", "Shipping times", "Parcels arrive within a week.");
		create(admin, "ORGANIZATION", "week", "Opening days", "We answer every day.");
		create(agent, null, "退款", "退款说明", "退款将在三个工作日内到账。");

		assertThat(shortcuts(agent, "week")).containsExactly("week", "delivery");
		assertThat(shortcuts(agent, "SHIPPING")).containsExactly("delivery");
		assertThat(shortcuts(agent, "工作日")).containsExactly("退款");
		assertThat(shortcuts(agent, "100%")).isEmpty();
	}

	@Test
	void personalResponseMayShadowAnOrganizationWideOneAndComesFirst() {
		create(admin, "ORGANIZATION", "thanks", "Thanks (team)", "Thank you for contacting us.");
		create(agent, null, "thanks", "Thanks (mine)", "Thanks! — Li");

		JsonNode found = api.get(PATH + "?q=thanks", agent);

		assertThat(found.valueStream().map(r -> r.path("title").asString())).containsExactly("Thanks (mine)",
				"Thanks (team)");
		assertThat(found.get(0).path("scope").asString()).isEqualTo("PERSONAL");
		assertThat(shortcuts(colleague, "thanks")).containsExactly("thanks");
	}

	@Test
	void shortcutIsUniqueWithinItsScope() {
		create(agent, null, "bye", "Bye", "Goodbye!");
		Api.Response twice = api.call("POST", PATH, agent, body(null, "bye", "Bye again", "See you"));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.code()).isEqualTo("shortcut-taken");

		create(colleague, null, "bye", "Bye", "Ciao!");
		create(admin, "ORGANIZATION", "bye", "Bye", "Goodbye from the team");
		assertThat(api.call("POST", PATH, admin, body("ORGANIZATION", "bye", "x", "y")).code())
			.isEqualTo("shortcut-taken");
	}

	@Test
	void agentKeepsTheirOwnPersonalResponses() {
		String id = create(agent, null, "/wait", "Please wait", "One moment please.").path("id").asString();
		assertThat(api.get(PATH + "/" + id, agent).path("shortcut").asString()).isEqualTo("wait");

		api.put(PATH + "/" + id, agent, body(null, "wait", "Please wait", "Just a moment, I am checking."));
		assertThat(api.get(PATH + "?q=wait", agent).get(0).path("text").asString()).contains("checking");

		api.delete(PATH + "/" + id, agent);
		assertThat(shortcuts(agent, "wait")).isEmpty();
	}

	@Test
	void agentCannotEditOrganizationWideCannedResponses() {
		String id = create(admin, "ORGANIZATION", "hours", "Hours", "We are open 9-18.").path("id").asString();

		Api.Response create = api.call("POST", PATH, agent, body("ORGANIZATION", "mine", "Mine", "text"));
		Api.Response update = api.call("PUT", PATH + "/" + id, agent, body(null, "hours", "Hours", "24/7!"));
		Api.Response delete = api.call("DELETE", PATH + "/" + id, agent, null);

		for (Api.Response response : List.of(create, update, delete)) {
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("forbidden");
		}
		assertThat(api.get(PATH + "?q=hours", agent).get(0).path("text").asString()).isEqualTo("We are open 9-18.");
	}

	@Test
	void supervisorKeepsTheOrganizationWideList() {
		String supervisor = tenant.slug() + "-sup";
		context.getBean(StaffMembers.class)
			.create(tenant.id(), supervisor, TestTenant.PASSWORD,
					new StaffMembers.Profile("Sup", null, Set.of(Role.SUPERVISOR), 1, true, List.of()));
		String token = api.login(supervisor, TestTenant.PASSWORD);

		String id = create(token, "ORGANIZATION", "sorry", "Sorry", "We apologise.").path("id").asString();
		api.put(PATH + "/" + id, token, body(null, "sorry", "Sorry", "We are very sorry."));

		assertThat(api.get(PATH + "?scope=ORGANIZATION", agent).valueStream().map(r -> r.path("text").asString()))
			.containsExactly("We are very sorry.");
		api.delete(PATH + "/" + id, token);
	}

	@Test
	void agentCannotSeeOrEditAnotherAgentsPersonalResponses() {
		String id = create(colleague, null, "secret", "Mine", "My own words").path("id").asString();

		assertThat(shortcuts(agent, "secret")).isEmpty();
		assertThat(api.call("GET", PATH + "/" + id, agent, null).status()).isEqualTo(404);
		assertThat(api.call("PUT", PATH + "/" + id, agent, body(null, "secret", "x", "y")).status()).isEqualTo(404);
		assertThat(api.call("DELETE", PATH + "/" + id, agent, null).status()).isEqualTo(404);
		assertThat(api.call("DELETE", PATH + "/" + id, admin, null).status()).isEqualTo(404);
		assertThat(api.get(PATH + "/" + id, colleague).path("text").asString()).isEqualTo("My own words");
	}

	@Test
	void groupLimitedResponseIsOfferedOnlyToThatGroupsMembers() {
		String center = tenant.group().centerId().toString();
		String vip = api.post("/api/v1/admin/groups", admin, Map.of("centerId", center, "name", "VIP", "queueLimit", 5,
				"offlinePolicy", "KEEP", "requeueMinutes", 0)).path("id").asString();
		Map<String, Object> limited = body("ORGANIZATION", "vip", "VIP welcome", "Welcome, valued customer.");
		limited.put("groupId", vip);
		api.post(PATH, admin, limited);

		assertThat(shortcuts(agent, "vip")).isEmpty();
		assertThat(shortcuts(admin, "vip")).containsExactly("vip");
		Api.Response delete = api.call("DELETE", "/api/v1/admin/groups/" + vip, admin, null);
		assertThat(delete.code()).isEqualTo("group-in-use");
	}

	@Test
	void otherOrganizationsResponsesAreNotFound() {
		String id = create(admin, "ORGANIZATION", "ours", "Ours", "Only for us.").path("id").asString();
		TestTenant other = TestTenant.create(context, 0, 1);
		String otherAdmin = api.login(other.adminUsername(), TestTenant.PASSWORD);

		assertThat(shortcuts(otherAdmin, "")).isEmpty();
		assertThat(api.call("GET", PATH + "/" + id, otherAdmin, null).status()).isEqualTo(404);
		assertThat(api.call("PUT", PATH + "/" + id, otherAdmin, body(null, "ours", "x", "y")).status())
			.isEqualTo(404);
		assertThat(api.call("DELETE", PATH + "/" + id, otherAdmin, null).status()).isEqualTo(404);
		Map<String, Object> foreignGroup = body("ORGANIZATION", "theirs", "x", "y");
		foreignGroup.put("groupId", tenant.group().id().toString());
		assertThat(api.call("POST", PATH, otherAdmin, foreignGroup).status()).isEqualTo(404);
	}

	@Test
	void badCannedResponsesAreRejectedWithProblemCodes() {
		assertThat(code(body(null, "Refund", "t", "x"))).isEqualTo("invalid-shortcut");
		assertThat(code(body(null, "-refund", "t", "x"))).isEqualTo("invalid-shortcut");
		assertThat(code(body(null, "re fund", "t", "x"))).isEqualTo("invalid-shortcut");
		assertThat(code(body(null, "a".repeat(33), "t", "x"))).isEqualTo("invalid-shortcut");
		assertThat(code(body(null, "ok", " ", "x"))).isEqualTo("invalid-title");
		assertThat(code(body(null, "ok", "t", "x".repeat(5001)))).isEqualTo("invalid-text");
		Map<String, Object> noText = body(null, "ok", "t", "x");
		noText.remove("text");
		assertThat(code(noText)).isEqualTo("invalid-text");
		Map<String, Object> personalGroup = body(null, "ok", "t", "x");
		personalGroup.put("groupId", tenant.group().id().toString());
		assertThat(code(personalGroup)).isEqualTo("invalid-group");
		assertThat(code(body("EVERYONE", "ok", "t", "x"))).isEqualTo("malformed-request");
		assertThat(api.call("POST", PATH, agent, "{\"shortcut\":").code()).isEqualTo("malformed-request");
		assertThat(api.call("GET", PATH + "?scope=ALL", agent, null).code()).isEqualTo("invalid-parameter");
		assertThat(api.call("GET", PATH, null, null).status()).isEqualTo(401);
	}

	@Test
	void responsesAreFiledInFoldersThatCanBeRenamedClearedAndSearched() {
		Map<String, Object> refund = body("ORGANIZATION", "refund", "Refund policy", "Refunds take 3-5 days, {contact.name}.");
		refund.put("folder", "  Billing ");
		JsonNode created = api.post(PATH, admin, refund);
		assertThat(created.path("folder").asString()).isEqualTo("Billing");
		assertThat(created.path("text").asString()).isEqualTo("Refunds take 3-5 days, {contact.name}.");
		create(admin, "ORGANIZATION", "hello", "Greeting", "Hello!");

		assertThat(shortcuts(agent, "billing")).containsExactly("refund");
		JsonNode unfiled = api.get(PATH + "?q=hello", agent).get(0);
		assertThat(unfiled.hasNonNull("folder")).isFalse();

		String id = created.path("id").asString();
		Map<String, Object> moved = body(null, "refund", "Refund policy", "Refunds take 3-5 days.");
		moved.put("folder", "售后");
		assertThat(api.put(PATH + "/" + id, admin, moved).path("folder").asString()).isEqualTo("售后");
		moved.put("folder", " ");
		assertThat(api.put(PATH + "/" + id, admin, moved).hasNonNull("folder")).isFalse();
	}

	@Test
	void folderNamesThatDoNotFitAreRejected() {
		Map<String, Object> tooLong = body(null, "ok", "t", "x");
		tooLong.put("folder", "f".repeat(65));
		assertThat(code(tooLong)).isEqualTo("invalid-folder");
		Map<String, Object> twoLines = body(null, "ok", "t", "x");
		twoLines.put("folder", "Billing\nRefunds");
		assertThat(code(twoLines)).isEqualTo("invalid-folder");
		Map<String, Object> longest = body(null, "ok", "t", "x");
		longest.put("folder", "文".repeat(64));
		assertThat(api.post(PATH, agent, longest).path("folder").asString()).hasSize(64);
		assertThat(api.get(PATH, agent)).hasSize(1);
	}

	private String code(Map<String, Object> body) {
		Api.Response response = api.call("POST", PATH, agent, body);
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		return response.code();
	}

	private JsonNode create(String token, @Nullable String scope, String shortcut, String title, String text) {
		return api.post(PATH, token, body(scope, shortcut, title, text));
	}

	private List<String> shortcuts(String token, String query) {
		return api.get(PATH + "?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8),
				token).valueStream().map(r -> r.path("shortcut").asString()).toList();
	}

	private static Map<String, Object> body(@Nullable String scope, String shortcut, String title, String text) {
		Map<String, Object> body = new HashMap<>();
		if (scope != null) {
			body.put("scope", scope);
		}
		body.put("shortcut", shortcut);
		body.put("title", title);
		body.put("text", text);
		return body;
	}
}
