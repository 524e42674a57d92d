package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

/** Admins manage staff accounts; routing follows their capacity, groups and enabled flag. */
@ServerTest
class AdminStaffApiTest {

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
	void adminCreatesAgentWhoCanLogInAndIsRouted() {
		String username = tenant.slug() + "-new";
		JsonNode created = api.post("/api/v1/admin/staff", admin, newAgent(username));
		assertThat(created.path("groupIds").valueStream().map(JsonNode::asString))
			.containsExactly(tenant.group().id().toString());

		String agent = api.login(username, "secret-pass");
		api.put("/api/v1/agents/me/status", agent, Map.of("status", "ONLINE"));
		api.post("/api/v1/visitor/conversations", api.visitor(tenant.slug()), "{}");

		await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/conversations/mine", agent).size() == 1);
	}

	@Test
	void staffAnswersNeverCarryPasswordHashes() {
		api.post("/api/v1/admin/staff", admin, newAgent(tenant.slug() + "-new"));
		Api.Response list = api.call("GET", "/api/v1/admin/staff", admin, null);
		Api.Response one = api.call("GET", "/api/v1/admin/staff/" + tenant.agent(0).id(), admin, null);

		assertThat(api.get("/api/v1/admin/staff", admin).size()).isEqualTo(3);
		for (Api.Response response : List.of(list, one)) {
			assertThat(response.text()).doesNotContainIgnoringCase("password").doesNotContain("{bcrypt}", "$2a$");
		}
	}

	@Test
	void capacityOutsideOneToMaximumIsRejected() {
		Map<String, Object> tooMany = newAgent(tenant.slug() + "-x");
		tooMany.put("maxChats", StaffMembers.MAX_CAPACITY + 1);
		Map<String, Object> none = newAgent(tenant.slug() + "-y");
		none.put("maxChats", 0);

		assertThat(api.call("POST", "/api/v1/admin/staff", admin, tooMany).code()).isEqualTo("invalid-capacity");
		assertThat(api.call("POST", "/api/v1/admin/staff", admin, none).code()).isEqualTo("invalid-capacity");
	}

	@Test
	void adminRaisesCapacityAndRoutingUsesIt() {
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		api.put("/api/v1/agents/me/status", agent, Map.of("status", "ONLINE"));
		api.put(staffPath(), admin, update(3, true, List.of(tenant.group().id().toString())));

		for (int i = 0; i < 3; i++) {
			api.post("/api/v1/visitor/conversations", api.visitor(tenant.slug()), "{}");
		}

		await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/conversations/mine", agent).size() == 3);
		assertThat(api.get("/api/v1/agents/me", agent).path("capacity").asInt()).isEqualTo(3);
	}

	@Test
	void disablingAnAgentKeepsTheirOpenChatAndStopsNewOnes() {
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		api.put("/api/v1/agents/me/status", agent, Map.of("status", "ONLINE"));
		api.put(staffPath(), admin, update(2, true, List.of(tenant.group().id().toString())));
		String first = api.post("/api/v1/visitor/conversations", api.visitor(tenant.slug()), "{}").path("conversation")
			.path("id")
			.asString();
		await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/conversations/mine", agent).size() == 1);

		api.put(staffPath(), admin, update(2, false, List.of(tenant.group().id().toString())));

		await().atMost(Duration.ofSeconds(5))
			.until(() -> api.call("GET", "/api/v1/conversations/mine", agent, null).status() == 401);
		assertThat(api.call("POST", "/api/v1/auth/login", null,
				Map.of("username", tenant.agent(0).username(), "password", TestTenant.PASSWORD)).status())
			.isEqualTo(401);
		JsonNode kept = api.get("/api/v1/conversations/" + first, admin);
		assertThat(kept.path("state").asString()).isEqualTo("ASSIGNED");
		assertThat(kept.path("agentId").asString()).isEqualTo(tenant.agent(0).id().toString());
		String visitor = api.visitor(tenant.slug());
		api.post("/api/v1/visitor/conversations", visitor, "{}");
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> !api.call("GET", "/api/v1/visitor/conversations/current", visitor, null)
				.text()
				.contains("\"ASSIGNED\""));
	}

	@Test
	void passwordResetNeedsEightCharactersReplacesTheOldOneAndEndsSessions() {
		String path = staffPath() + "/password";
		String session = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		assertThat(api.call("PUT", path, admin, Map.of("password", "short")).code()).isEqualTo("weak-password");

		api.put(path, admin, Map.of("password", "a-new-password"));

		assertThat(api.login(tenant.agent(0).username(), "a-new-password")).isNotBlank();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> api.call("GET", "/api/v1/agents/me", session, null).status() == 401);
		assertThat(api.call("POST", "/api/v1/auth/login", null,
				Map.of("username", tenant.agent(0).username(), "password", TestTenant.PASSWORD)).status())
			.isEqualTo(401);
	}

	@Test
	void adminCannotLockThemselvesOut() {
		String self = api.get("/api/v1/auth/me", admin).path("id").asString();
		Map<String, Object> demoted = update(1, true, List.of());
		demoted.put("roles", List.of("SUPERVISOR"));

		assertThat(api.call("PUT", "/api/v1/admin/staff/" + self, admin, update(1, false, List.of())).code())
			.isEqualTo("cannot-lock-out-self");
		assertThat(api.call("PUT", "/api/v1/admin/staff/" + self, admin, demoted).code())
			.isEqualTo("cannot-lock-out-self");
	}

	@Test
	void takenUsernameIsAConflict() {
		Api.Response response = api.call("POST", "/api/v1/admin/staff", admin, newAgent(tenant.agent(0).username()));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.code()).isEqualTo("username-taken");
	}

	@Test
	void badStaffInputIsRejectedWithProblemCodes() {
		Map<String, Object> unknownRole = newAgent(tenant.slug() + "-r");
		unknownRole.put("roles", List.of("OWNER"));
		Map<String, Object> badEmail = newAgent(tenant.slug() + "-e");
		badEmail.put("email", "not-an-address");
		Map<String, Object> noRoles = newAgent(tenant.slug() + "-n");
		noRoles.remove("roles");

		assertThat(api.call("POST", "/api/v1/admin/staff", admin, unknownRole).code()).isEqualTo("malformed-request");
		assertThat(api.call("POST", "/api/v1/admin/staff", admin, badEmail).code()).isEqualTo("invalid-email");
		assertThat(api.call("POST", "/api/v1/admin/staff", admin, noRoles).code()).isEqualTo("invalid-request");
		assertThat(api.call("PUT", staffPath(), admin, Map.of("displayName", "x")).code()).isEqualTo("invalid-request");
		assertThat(api.call("POST", "/api/v1/admin/staff", admin, "[1,2]").code()).isEqualTo("malformed-request");
	}

	@Test
	void otherOrganizationsStaffIsNotFound() {
		TestTenant other = TestTenant.create(context, 1, 1);
		String otherAdmin = api.login(other.adminUsername(), TestTenant.PASSWORD);

		assertThat(api.call("GET", staffPath(), otherAdmin, null).status()).isEqualTo(404);
		assertThat(api.call("PUT", staffPath(), otherAdmin, update(1, false, List.of())).status()).isEqualTo(404);
		assertThat(api.call("PUT", staffPath() + "/password", otherAdmin, Map.of("password", "hijacked-1"))
			.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/admin/staff", otherAdmin).valueStream().map(s -> s.path("id").asString()))
			.doesNotContain(tenant.agent(0).id().toString());
		Map<String, Object> intoForeignGroup = newAgent(other.slug() + "-spy");
		assertThat(api.call("POST", "/api/v1/admin/staff", otherAdmin, intoForeignGroup).status()).isEqualTo(404);
	}

	private String staffPath() {
		return "/api/v1/admin/staff/" + tenant.agent(0).id();
	}

	private Map<String, Object> newAgent(String username) {
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("password", "secret-pass");
		body.put("displayName", "New Agent");
		body.put("email", "new@example.com");
		body.put("roles", List.of("AGENT"));
		body.put("maxChats", 2);
		body.put("groupIds", List.of(tenant.group().id().toString()));
		return body;
	}

	private static Map<String, Object> update(int maxChats, boolean enabled, List<String> groupIds) {
		Map<String, Object> body = new HashMap<>();
		body.put("displayName", "Agent 1");
		body.put("roles", List.of("AGENT"));
		body.put("maxChats", maxChats);
		body.put("enabled", enabled);
		body.put("groupIds", groupIds);
		return body;
	}
}
