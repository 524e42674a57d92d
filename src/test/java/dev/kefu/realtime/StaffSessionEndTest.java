package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.shared.Role;
import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/** A staff member's live connections end with their login: disabled, new password, logged out. */
@ServerTest
class StaffSessionEndTest {

	private static final Duration AT_ONCE = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String adminToken;

	@BeforeEach
	void anOrganization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 2, 3);
		adminToken = tenant.adminToken(api);
	}

	@Test
	void disablingAnAgentClosesTheirSocketAndEventStreamAtOnce() throws Exception {
		String agentToken = tenant.agentToken(api, 0);
		try (LiveClient socket = LiveClient.authenticated(api.http(), port, agentToken);
				EventStream stream = EventStream.open(api, agentToken)) {
			api.put("/api/v1/admin/staff/" + tenant.agent(0).id(), adminToken, update(false));

			await().atMost(AT_ONCE).until(socket::isClosed);
			await().atMost(AT_ONCE).until(stream::ended);
			assertThat(stream.text()).contains("session-ended");
		}
		Api.Response refused = api.call("PUT", "/api/v1/agents/me/status", agentToken, Map.of("status", "ONLINE"));
		assertThat(refused.status()).isEqualTo(401);
	}

	@Test
	void aDisabledAgentsSocketCanNeitherSendNorGoOnline() {
		String agentToken = tenant.agentToken(api, 0);
		try (LiveClient socket = LiveClient.authenticated(api.http(), port, agentToken)) {
			api.put("/api/v1/admin/staff/" + tenant.agent(0).id(), adminToken, update(false));
			JsonFrames.awaitError(socket, "session-ended");
			assertThat(api.get("/api/v1/admin/staff/" + tenant.agent(0).id(), adminToken).path("enabled").asBoolean())
				.isFalse();
		}
		// However it tried, the agent never came online.
		assertThat(api.get("/api/v1/groups", adminToken).toString()).doesNotContain("\"ONLINE\"");
	}

	@Test
	void aNewPasswordClosesEveryOpenSocketOfThatAgent() {
		String first = tenant.agentToken(api, 0);
		String second = tenant.agentToken(api, 0);
		try (LiveClient one = LiveClient.authenticated(api.http(), port, first);
				LiveClient other = LiveClient.authenticated(api.http(), port, second);
				LiveClient colleague = LiveClient.authenticated(api.http(), port, tenant.agentToken(api, 1))) {
			api.put("/api/v1/admin/staff/" + tenant.agent(0).id() + "/password", adminToken,
					Map.of("password", "a-brand-new-secret-9"));

			await().atMost(AT_ONCE).until(() -> one.isClosed() && other.isClosed());
			colleague.send("{\"type\":\"ping\",\"id\":\"p\"}");
			assertThat(colleague.next("pong").path("id").asString()).isEqualTo("p");
		}
	}

	@Test
	void loggingOutClosesThatLoginsSocketOnly() {
		String leaving = tenant.agentToken(api, 0);
		String staying = tenant.agentToken(api, 0);
		try (LiveClient closed = LiveClient.authenticated(api.http(), port, leaving);
				LiveClient open = LiveClient.authenticated(api.http(), port, staying)) {
			api.raw("POST", "/api/v1/auth/logout", leaving, null, null);

			await().atMost(AT_ONCE).until(closed::isClosed);
			open.send("{\"type\":\"ping\",\"id\":\"p\"}");
			assertThat(open.next("pong").path("id").asString()).isEqualTo("p");
			assertThat(open.isClosed()).isFalse();
		}
	}

	private Map<String, Object> update(boolean enabled) {
		return Map.of("displayName", tenant.agent(0).name(), "roles", Set.of(Role.AGENT), "maxChats", 3, "enabled",
				enabled, "groupIds", List.of(tenant.group().id()));
	}

	/** Error frames until the wanted one; the connection is closed right after it. */
	static final class JsonFrames {

		static void awaitError(LiveClient socket, String code) {
			assertThat(socket.next(f -> f.path("type").asString().equals("error")
					&& f.path("code").asString().equals(code), code).path("code").asString()).isEqualTo(code);
			try {
				socket.send("{\"type\":\"status\",\"id\":\"s\",\"status\":\"ONLINE\"}");
			}
			catch (java.util.concurrent.CompletionException alreadyClosed) {
				// The server may have closed it before this frame left: just as good.
			}
			await().atMost(AT_ONCE).until(socket::isClosed);
		}
	}

	/** A raw SSE connection, read in the background. */
	static final class EventStream implements AutoCloseable {

		private final StringBuffer text = new StringBuffer();
		private final CompletableFuture<Void> reading;
		private final InputStream body;

		private EventStream(InputStream body) {
			this.body = body;
			this.reading = CompletableFuture.runAsync(() -> {
				try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
					String line;
					while ((line = lines.readLine()) != null) {
						text.append(line).append('\n');
					}
				}
				catch (java.io.IOException closed) {
					// The stream ended; that is what the test waits for.
				}
			});
		}

		static EventStream open(Api api, String token) throws Exception {
			HttpResponse<InputStream> response = api.http()
				.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/events"))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			EventStream stream = new EventStream(response.body());
			await().atMost(Duration.ofSeconds(5)).until(() -> stream.text().contains("\"ready\""));
			return stream;
		}

		boolean ended() {
			return reading.isDone();
		}

		String text() {
			return text.toString();
		}

		@Override
		public void close() throws Exception {
			body.close();
		}
	}
}
