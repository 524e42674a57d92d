package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.KefuNode;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.RedisAvailable;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one database with Redis between them: a visitor connected to node A and an agent connected to node B
 * chat as if they were on one node.
 */
@ServerTest
@ExtendWith(RedisAvailable.class)
@TestPropertySource(properties = { "kefu.cluster.redis-url=" + "${KEFU_TEST_REDIS_URL:redis://127.0.0.1:6379}",
		"kefu.cluster.name=test-${random.uuid}" })
class ClusterRelayTest {

	static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext nodeA;

	Api apiA;
	Api apiB;
	TestTenant tenant;

	@BeforeEach
	void twoNodesShareTheDatabaseAndTheRelay() {
		if (nodeB == null) {
			nodeB = startSecondNode(nodeA.getEnvironment(), nodeA.getBean(ClusterProperties.class));
		}
		apiA = new Api(port);
		apiB = new Api(nodeB.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		tenant = TestTenant.create(nodeA, 1, 3);
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
			nodeB = null;
		}
	}

	@Test
	void visitorOnOneNodeAndAgentOnAnotherChatBothWays() {
		String agentToken = apiB.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		apiB.put("/api/v1/agents/me/status", agentToken, Map.of("status", "ONLINE"));
		String visitorToken = apiA.visitor(tenant.slug());
		try (LiveClient agent = LiveClient.authenticated(apiB.http(), apiB.port(), agentToken);
				LiveClient visitor = LiveClient.authenticated(apiA.http(), apiA.port(), visitorToken)) {
			String conversationId = apiA.post("/api/v1/visitor/conversations", visitorToken, "{}")
				.path("conversation")
				.path("id")
				.asString();
			JsonNode assigned = agent.next(f -> f.path("type").asString().equals("conversation")
					&& f.path("event").asString().equals("assigned"), "assignment made on node A");
			assertThat(assigned.path("conversation").path("id").asString()).isEqualTo(conversationId);

			visitor.send(send(conversationId, "v-1", "在吗？"));
			visitor.next("ack");
			assertThat(agent.nextMessage().path("text").asString()).isEqualTo("在吗？");

			agent.send(send(conversationId, "a-1", "在的，请讲"));
			agent.next("ack");
			assertThat(visitor.next(f -> f.path("type").asString().equals("message")
					&& f.path("message").path("clientMsgId").asString().equals("a-1"), "reply relayed from node B")
				.path("message")
				.path("text")
				.asString()).isEqualTo("在的，请讲");
		}
	}

	@Test
	void clientsAreToldToCatchUpWhenTheRelayReconnects() {
		String visitorToken = apiA.visitor(tenant.slug());
		try (LiveClient visitor = LiveClient.authenticated(apiA.http(), apiA.port(), visitorToken)) {
			RedisClient redis = RedisClient.create(RedisAvailable.URL);
			try (StatefulRedisConnection<String, String> admin = redis.connect()) {
				admin.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
			}
			finally {
				redis.shutdown();
			}
			assertThat(visitor.next("resync").path("type").asString()).isEqualTo("resync");
		}
	}

	@Test
	void disablingAnAgentOnOneNodeClosesTheirSocketOnTheOtherWithinTwoSeconds() {
		String agentToken = apiB.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		try (LiveClient agent = LiveClient.authenticated(apiB.http(), apiB.port(), agentToken)) {
			apiA.put("/api/v1/admin/staff/" + tenant.agent(0).id(), tenant.adminToken(apiA),
					Map.of("displayName", tenant.agent(0).name(), "roles", java.util.Set.of("AGENT"), "maxChats", 3,
							"enabled", false, "groupIds", java.util.List.of(tenant.group().id())));

			await().atMost(Duration.ofSeconds(2)).until(agent::isClosed);
		}
		assertThat(apiB.call("GET", "/api/v1/auth/me", agentToken, null).status()).isEqualTo(401);
	}

	@Test
	void revokingAnApiTokenOnOneNodeRefusesItOnTheOtherAtOnce() {
		String admin = tenant.adminToken(apiA);
		JsonNode created = apiA.post("/api/v1/admin/api-tokens", admin,
				Map.of("name", "ERP", "scopes", java.util.List.of("conversations:read")));
		String token = created.path("secret").asString();
		// Node B has now looked the token up, and would trust its cached lookup for half a minute.
		assertThat(apiB.call("GET", "/api/v1/conversations", token, null).status()).isEqualTo(200);

		apiA.ok("DELETE", "/api/v1/admin/api-tokens/" + created.path("token").path("id").asString(), admin, null);

		await().atMost(Duration.ofSeconds(2))
			.until(() -> apiB.call("GET", "/api/v1/conversations", token, null).status() == 401);
	}

	@Test
	void revokingASessionOnOneNodeRefusesItsTokenAndClosesItsSocketOnTheOther() {
		String agentToken = apiB.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		try (LiveClient agent = LiveClient.authenticated(apiB.http(), apiB.port(), agentToken)) {
			// Node B has now looked the token up, and would trust its cached lookup for half a minute.
			assertThat(apiB.call("GET", "/api/v1/auth/me", agentToken, null).status()).isEqualTo(200);
			String admin = tenant.adminToken(apiA);
			String session = apiA.get("/api/v1/admin/staff/" + tenant.agent(0).id() + "/sessions", admin).get(0)
				.path("id")
				.asString();

			apiA.ok("DELETE", "/api/v1/admin/staff/" + tenant.agent(0).id() + "/sessions/" + session, admin, null);

			await().atMost(Duration.ofSeconds(2)).until(agent::isClosed);
			await().atMost(Duration.ofSeconds(2))
				.until(() -> apiB.call("GET", "/api/v1/auth/me", agentToken, null).status() == 401);
		}
	}

	private static String send(String conversationId, String clientMsgId, String text) {
		return Api.json.writeValueAsString(Map.of("type", "send", "conversationId", conversationId, "clientMsgId",
				clientMsgId, "text", text));
	}

	private static ConfigurableApplicationContext startSecondNode(Environment first, ClusterProperties cluster) {
		// The nodes share the data folder (attachments) but each keeps its own search index, as in production.
		return KefuNode.besides(first, Map.of(
				"kefu.knowledge.index-dir", first.getRequiredProperty("kefu.data-dir") + "/index/knowledge-node-2",
				"kefu.cluster.redis-url", String.valueOf(cluster.redisUrl()), "kefu.cluster.name", cluster.name()));
	}
}
