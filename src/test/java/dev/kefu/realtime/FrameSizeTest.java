package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/**
 * The container keeps only a small buffer per connection, so frames larger than it arrive in pieces: they must still
 * be handled whole, and only frames over the protocol's limit are refused.
 */
@ServerTest
class FrameSizeTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	String agentToken;
	String visitorToken;
	String conversationId;

	@BeforeEach
	void visitorIsChattingWithAnAgent() {
		api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		agentToken = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		api.put("/api/v1/agents/me/status", agentToken, Map.of("status", "ONLINE"));
		visitorToken = api.visitor(tenant.slug());
		conversationId = api.post("/api/v1/visitor/conversations", visitorToken, "{}")
			.path("conversation")
			.path("id")
			.asString();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> api.get("/api/v1/conversations/mine", agentToken).size() == 1);
	}

	@Test
	void messageFarLargerThanTheContainerBufferArrivesWhole() {
		String text = "请帮我查一下订单。".repeat(555) + "末";
		assertThat(text.length()).isEqualTo(4996);
		try (LiveClient agent = LiveClient.authenticated(api.http(), port, agentToken);
				LiveClient visitor = LiveClient.authenticated(api.http(), port, visitorToken)) {
			visitor.send(Api.json.writeValueAsString(Map.of("type", "send", "conversationId", conversationId,
					"clientMsgId", "long-1", "text", text)));
			assertThat(visitor.next("ack").path("message").path("text").asString()).isEqualTo(text);
			assertThat(agent.nextMessage().path("text").asString()).isEqualTo(text);
		}
	}

	@Test
	void frameOverTheProtocolLimitClosesOnlyThatConnection() {
		try (LiveClient agent = LiveClient.authenticated(api.http(), port, agentToken);
				LiveClient visitor = LiveClient.authenticated(api.http(), port, visitorToken)) {
			visitor.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(WebSocketConfiguration.MAX_FRAME_CHARS) + "\"}");
			await().atMost(Duration.ofSeconds(5)).until(visitor::isClosed);
			assertThat(visitor.closeCode()).isEqualTo(1009);

			agent.send("{\"type\":\"ping\",\"id\":\"still-here\"}");
			assertThat(agent.next("pong").path("id").asString()).isEqualTo("still-here");
		}
		try (LiveClient again = LiveClient.authenticated(api.http(), port, visitorToken)) {
			again.send(Api.json.writeValueAsString(Map.of("type", "send", "conversationId", conversationId,
					"clientMsgId", "after-reconnect", "text", "我又回来了")));
			assertThat(again.next("ack").path("duplicate").asBoolean()).isFalse();
		}
	}
}
