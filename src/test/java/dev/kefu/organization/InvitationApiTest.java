package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** Admins write proactive invitations; the widget's public settings carry the ones that may fire now. */
@ServerTest
class InvitationApiTest {

	private static final String PATH = "/api/v1/admin/invitations";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;

	@BeforeEach
	void adminOfAFreshOrganization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 1);
		admin = api.login(tenant.adminUsername(), TestTenant.PASSWORD);
	}

	@Test
	void adminCreatesEditsAndDeletesARuleAndTheWidgetCarriesIt() {
		JsonNode created = api.post(PATH, admin, rule("Pricing", "Questions about prices? 有问题可以问我们"));
		String id = created.path("id").asString();
		assertThat(created.path("enabled").asBoolean()).isTrue();
		assertThat(api.get(PATH, admin)).singleElement()
			.satisfies(r -> assertThat(r.path("urlPattern").asString()).isEqualTo("*/pricing*"));

		JsonNode invitation = api.get("/api/v1/widget/" + tenant.slug(), null).path("invitations").get(0);
		assertThat(invitation.path("id").asString()).isEqualTo(id);
		assertThat(invitation.path("greeting").asString()).isEqualTo("Questions about prices? 有问题可以问我们");
		assertThat(invitation.path("url").asString()).isEqualTo("*/pricing*");
		assertThat(invitation.path("secs").asInt()).isEqualTo(5);
		assertThat(invitation.has("pages")).as("unset conditions are left out").isFalse();
		assertThat(invitation.has("name")).as("the admin's name for it stays private").isFalse();

		Map<String, Object> off = rule("Pricing", "Hello");
		off.put("enabled", false);
		off.put("minPages", 3);
		assertThat(api.put(PATH + "/" + id, admin, off).path("minPages").asInt()).isEqualTo(3);
		assertThat(api.get("/api/v1/widget/" + tenant.slug(), null).path("invitations")).isEmpty();

		assertThat(api.call("DELETE", PATH + "/" + id, admin, null).status()).isEqualTo(204);
		assertThat(api.call("GET", PATH + "/" + id, admin, null).status()).isEqualTo(404);
		assertThat(api.call("DELETE", PATH + "/" + id, admin, null).status()).isEqualTo(404);
	}

	@Test
	void refusesRulesThatBreakTheirBoundsWithAClearCode() {
		assertRefused(with("name", ""), "invitation-name");
		assertRefused(with("greeting", null), "invitation-greeting");
		assertRefused(with("greeting", "x".repeat(501)), "invitation-greeting");
		assertRefused(with("urlPattern", "*a*b*c*d*e*"), "invitation-url-pattern");
		assertRefused(with("urlPattern", "x".repeat(301)), "invitation-url-pattern");
		assertRefused(with("secondsOnPage", -1), "invitation-seconds");
		assertRefused(with("secondsOnPage", 3601), "invitation-seconds");
		assertRefused(with("minPages", 0), "invitation-pages");
		assertRefused(with("minPages", 21), "invitation-pages");
		assertRefused(with("groupId", tenant.group().id().toString()), "invitation-queue");
		Map<String, Object> unknownGroup = with("groupId", "0190f0c8-0000-7000-8000-000000000000");
		unknownGroup.put("maxQueue", 3);
		assertRefused(unknownGroup, "invitation-group");
		TestTenant other = TestTenant.create(context, 1, 1);
		Map<String, Object> othersGroup = with("groupId", other.group().id().toString());
		othersGroup.put("maxQueue", 3);
		assertRefused(othersGroup, "invitation-group");
		assertThat(api.get(PATH, admin)).isEmpty();

		for (int i = 0; i < 10; i++) {
			api.post(PATH, admin, rule("Rule " + i, "Hello"));
		}
		assertRefused(rule("One too many", "Hello"), "invitation-limit");
	}

	@Test
	void onlyAdminsOfTheOrganizationManageRules() {
		String id = api.post(PATH, admin, rule("Pricing", "Hello")).path("id").asString();
		assertThat(api.call("GET", PATH, tenant.agentToken(api, 0), null).status()).isEqualTo(403);
		TestTenant other = TestTenant.create(context, 1, 1);
		String otherAdmin = api.login(other.adminUsername(), TestTenant.PASSWORD);
		assertThat(api.call("PUT", PATH + "/" + id, otherAdmin, rule("Mine", "Hi")).status()).isEqualTo(404);
		assertThat(api.call("DELETE", PATH + "/" + id, otherAdmin, null).status()).isEqualTo(404);
		assertThat(api.get(PATH, otherAdmin)).isEmpty();
	}

	@Test
	void aRuleIsLeftOutWhileItsGroupsQueueIsLongerThanItAllows() {
		Map<String, Object> busy = rule("Busy", "Hello");
		busy.put("groupId", tenant.group().id().toString());
		busy.put("maxQueue", 0);
		api.post(PATH, admin, busy);
		assertThat(api.get("/api/v1/widget/" + tenant.slug(), null).path("invitations")).hasSize(1);

		// The only agent serves one chat at a time: the second one waits.
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		api.startChat(api.visitor(tenant.slug()));
		api.startChat(api.visitor(tenant.slug()));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/widget/" + tenant.slug(), null).path("invitations").isEmpty());
	}

	private void assertRefused(Object body, String code) {
		Api.Response answer = api.call("POST", PATH, admin, body);
		assertThat(answer.status()).as(code).isEqualTo(400);
		assertThat(answer.code()).isEqualTo(code);
	}

	private static Map<String, Object> with(String key, Object value) {
		Map<String, Object> rule = rule("Pricing", "Hello");
		rule.put(key, value);
		return rule;
	}

	private static Map<String, Object> rule(String name, String greeting) {
		Map<String, Object> rule = new HashMap<>();
		rule.put("name", name);
		rule.put("greeting", greeting);
		rule.put("urlPattern", "*/pricing*");
		rule.put("secondsOnPage", 5);
		return rule;
	}
}
