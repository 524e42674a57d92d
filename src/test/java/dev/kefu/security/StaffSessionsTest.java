package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Every login is a session its owner and their admin can see and end: a revoked session's token is refused at once
 * and its open socket closed, while the staff member's other sessions go on.
 */
@ServerTest
class StaffSessionsTest {

	private static final Duration AT_ONCE = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;

	@BeforeEach
	void anOrganization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 2, 3);
		admin = tenant.adminToken(api);
	}

	@Test
	void aStaffMemberSeesTheirSessionsWithWhereTheyCameFromAndWhichIsThisOne() throws Exception {
		String phone = login(0, "Mozilla/5.0 (iPhone) KefuTest");
		String laptop = login(0, "Mozilla/5.0 (X11; Linux) KefuTest");
		tenant.agentToken(api, 1);

		JsonNode sessions = api.get("/api/v1/auth/sessions", laptop);
		assertThat(sessions).hasSize(2);
		assertThat(sessions.get(0).path("userAgent").asString()).contains("Linux");
		assertThat(sessions.get(0).path("current").asBoolean()).isTrue();
		assertThat(sessions.get(1).path("userAgent").asString()).contains("iPhone");
		assertThat(sessions.get(1).path("current").asBoolean()).isFalse();
		assertThat(sessions.get(1).path("clientAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(sessions.get(1).path("lastSeenAt").isMissingNode()).isFalse();
		assertThat(sessions.toString()).doesNotContain(phone.substring(2)).doesNotContain(laptop.substring(2));
	}

	@Test
	void revokingASessionRefusesItsTokenAndClosesItsSocketAtOnceWhileTheOthersGoOn() {
		String kept = login(0, "kept");
		String revoked = login(0, "revoked");
		try (LiveClient closing = LiveClient.authenticated(api.http(), port, revoked);
				LiveClient open = LiveClient.authenticated(api.http(), port, kept)) {
			assertThat(api.call("GET", "/api/v1/auth/me", revoked, null).status()).as("cached now").isEqualTo(200);
			String id = sessionOf(kept, "revoked").path("id").asString();

			api.ok("DELETE", "/api/v1/auth/sessions/" + id, kept, null);

			assertThat(api.call("GET", "/api/v1/auth/me", revoked, null).status()).isEqualTo(401);
			await().atMost(AT_ONCE).until(closing::isClosed);
			open.send("{\"type\":\"ping\",\"id\":\"p\"}");
			assertThat(open.next("pong").path("id").asString()).isEqualTo("p");
		}
		assertThat(api.get("/api/v1/auth/sessions", kept)).hasSize(1);
		JsonNode entry = api.get("/api/v1/admin/audit", admin).path("entries").get(0);
		assertThat(entry.path("action").asString()).isEqualTo("session.revoked");
		assertThat(entry.path("actorId").asString()).isEqualTo(tenant.agent(0).id().toString());
	}

	@Test
	void anAdminListsAndRevokesAStaffMembersSessionAndOtherOrganizationsCannot() {
		String agent = login(0, "desk");
		try (LiveClient socket = LiveClient.authenticated(api.http(), port, agent)) {
			JsonNode sessions = api.get("/api/v1/admin/staff/" + tenant.agent(0).id() + "/sessions", admin);
			assertThat(sessions).hasSize(1);
			assertThat(sessions.get(0).path("current").asBoolean()).as("not the admin's own").isFalse();
			String id = sessions.get(0).path("id").asString();
			String outsider = TestTenant.create(context, 1, 1).adminToken(api);
			assertThat(api.call("GET", "/api/v1/admin/staff/" + tenant.agent(0).id() + "/sessions", outsider, null)
				.status()).isEqualTo(404);
			assertThat(api.call("DELETE", "/api/v1/admin/staff/" + tenant.agent(0).id() + "/sessions/" + id, outsider,
					null).status()).isEqualTo(404);
			assertThat(api.call("DELETE", "/api/v1/auth/sessions/" + id, tenant.agentToken(api, 1), null).status())
				.as("a colleague's session is not one's own").isEqualTo(404);
			assertThat(api.call("GET", "/api/v1/admin/staff/" + tenant.agent(0).id() + "/sessions",
					tenant.agentToken(api, 1), null).status()).isEqualTo(403);

			api.ok("DELETE", "/api/v1/admin/staff/" + tenant.agent(0).id() + "/sessions/" + id, admin, null);

			assertThat(api.call("GET", "/api/v1/auth/me", agent, null).status()).isEqualTo(401);
			await().atMost(AT_ONCE).until(socket::isClosed);
		}
		assertThat(api.call("DELETE", "/api/v1/admin/staff/" + tenant.agent(0).id() + "/sessions/not-a-uuid", admin,
				null).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/admin/audit", admin).path("entries").get(0).path("action").asString())
			.isEqualTo("session.revoked");
	}

	@Test
	void loggingOutRevokesThatSessionAndItLeavesTheList() {
		String leaving = login(0, "leaving");
		String staying = login(0, "staying");
		api.raw("POST", "/api/v1/auth/logout", leaving, null, null);
		assertThat(api.call("GET", "/api/v1/auth/me", leaving, null).status()).isEqualTo(401);
		JsonNode sessions = api.get("/api/v1/auth/sessions", staying);
		assertThat(sessions).hasSize(1);
		assertThat(sessions.get(0).path("userAgent").asString()).isEqualTo("staying");
	}

	@Test
	void apiTokensCannotListOrRevokeSessions() {
		String token = api.post("/api/v1/admin/api-tokens", admin,
				Map.of("name", "ops", "scopes", java.util.List.of("admin:read", "admin:write"))).path("secret").asString();
		assertThat(api.call("GET", "/api/v1/auth/sessions", token, null).code()).isEqualTo("not-for-api-tokens");
		assertThat(api.call("DELETE", "/api/v1/admin/staff/" + tenant.agent(0).id() + "/two-factor", token, null).code())
			.isEqualTo("not-for-api-tokens");
		assertThat(api.call("PUT", "/api/v1/admin/sign-in", token, Map.of("requireTwoFactor", false)).code())
			.isEqualTo("not-for-api-tokens");
		assertThat(api.call("GET", "/api/v1/admin/staff/" + tenant.agent(0).id() + "/sessions", token, null).status())
			.isEqualTo(200);
	}

	private JsonNode sessionOf(String token, String userAgent) {
		for (JsonNode session : api.get("/api/v1/auth/sessions", token)) {
			if (session.path("userAgent").asString().equals(userAgent)) {
				return session;
			}
		}
		throw new AssertionError("no session from " + userAgent);
	}

	/** Logs agent {@code index} in from a browser of the given name. */
	private String login(int index, String userAgent) {
		try {
			HttpResponse<String> response = api.http()
				.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/auth/login"))
					.header("Content-Type", "application/json")
					.header("User-Agent", userAgent)
					.POST(HttpRequest.BodyPublishers.ofString(Api.json.writeValueAsString(
							Map.of("username", tenant.agent(index).username(), "password", TestTenant.PASSWORD))))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return Api.json.readTree(response.body()).path("token").asString();
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
