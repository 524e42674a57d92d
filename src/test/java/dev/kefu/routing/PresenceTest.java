package dev.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/**
 * An agent is online while a connection of theirs is open, and for a grace period after the last one closed; a
 * connection that merely stays quiet (a throttled background tab) keeps them online. Durations are shortened here:
 * grace 3 s, no sign of life from any node for 5 s means offline.
 */
@ServerTest
@TestPropertySource(properties = { "kefu.routing.presence-grace=3s", "kefu.routing.presence-timeout=5s",
		"kefu.routing.presence-refresh=500ms", "kefu.routing.sweep-interval=250ms" })
class PresenceTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String agent;

	@BeforeEach
	void agentWithADesk() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 2);
		agent = tenant.agentToken(api, 0);
	}

	@Test
	void agentStaysOnlineThroughTheGracePeriodAfterTheLastConnectionClosesThenGoesOffline() {
		LiveClient desk = LiveClient.authenticated(api.http(), port, agent);
		api.status(agent, "ONLINE");
		desk.close();

		await().during(Duration.ofSeconds(2)).atMost(Duration.ofMillis(2800)).until(() -> status().equals("ONLINE"));
		assertThat(api.startChat(api.visitor(tenant.slug())).path("conversation").isObject())
			.as("a chat can still start during the grace period")
			.isTrue();

		await().atMost(Duration.ofSeconds(8)).until(() -> status().equals("OFFLINE"));
		assertThat(api.get("/api/v1/agents/me", agent).path("wantedStatus").asString()).isEqualTo("ONLINE");
		assertThat(api.startChat(api.visitor(tenant.slug())).path("unavailable").asString())
			.isEqualTo("NO_AGENT_ONLINE");
	}

	@Test
	void oneOfTwoTabsClosingKeepsTheAgentOnline() {
		try (LiveClient first = LiveClient.authenticated(api.http(), port, agent)) {
			LiveClient second = LiveClient.authenticated(api.http(), port, agent);
			api.status(agent, "ONLINE");
			second.close();
			await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> status().equals("ONLINE"));
		}
	}

	@Test
	void reconnectingAfterGoingOfflineRestoresTheChosenStatusAndTakesWaitingChats() {
		LiveClient desk = LiveClient.authenticated(api.http(), port, agent);
		api.status(agent, "ONLINE");
		String waiting = api.startChat(api.visitor(tenant.slug())).path("conversation").path("id").asString();
		await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/conversations/mine", agent).size() == 1);
		desk.close();
		await().atMost(Duration.ofSeconds(8)).until(() -> status().equals("OFFLINE"));

		try (LiveClient back = LiveClient.authenticated(api.http(), port, agent)) {
			await().atMost(Duration.ofSeconds(5)).until(() -> status().equals("ONLINE"));
			assertThat(api.get("/api/v1/conversations/mine", agent).valueStream().map(c -> c.path("id").asString()))
				.as("an offline agent keeps their chats under the KEEP policy")
				.containsExactly(waiting);
		}
	}

	@Test
	void quietConnectionWithLateHeartbeatsDoesNotMakeTheAgentOffline() {
		try (LiveClient desk = LiveClient.authenticated(api.http(), port, agent)) {
			api.status(agent, "ONLINE");
			// No ping for longer than the presence timeout, as a throttled background tab would do.
			await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(9)).until(() -> status().equals("ONLINE"));
			desk.send("{\"type\":\"ping\",\"id\":\"late\"}");
			assertThat(desk.next("pong").path("id").asString()).isEqualTo("late");
			assertThat(status()).isEqualTo("ONLINE");
		}
	}

	private String status() {
		return api.get("/api/v1/agents/me", agent).path("status").asString();
	}
}
