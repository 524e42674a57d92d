package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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

/** The WebSocket protocol and its SSE fallback, end to end over real connections. */
@ServerTest
class RealtimeProtocolTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String agentToken;
	String visitorToken;
	String conversationId;

	@BeforeEach
	void agentServesAVisitor() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 3);
		agentToken = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		api.put("/api/v1/agents/me/status", agentToken, "{\"status\":\"ONLINE\"}");
		visitorToken = api.visitor(tenant.slug());
		conversationId = api.post("/api/v1/visitor/conversations", visitorToken, "{}").path("conversation")
			.path("id")
			.asString();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> api.get("/api/v1/conversations/mine", agentToken).size() == 1);
	}

	@Test
	void visitorMessageReachesAssignedAgentAndTheReplyComesBack() {
		try (LiveClient agent = LiveClient.authenticated(api.http(), port, agentToken);
				LiveClient visitor = LiveClient.authenticated(api.http(), port, visitorToken)) {
			visitor.send(sendFrame("v-1", "你好，我的订单还没到"));
			JsonNode ack = visitor.next("ack");
			assertThat(ack.path("duplicate").asBoolean()).isFalse();
			JsonNode received = agent.next(f -> f.path("type").asString().equals("message")
					&& f.path("message").path("clientMsgId").asString().equals("v-1"), "visitor message");
			assertThat(received.path("message").path("text").asString()).isEqualTo("你好，我的订单还没到");
			assertThat(received.path("message").path("seq").asLong()).isEqualTo(ack.path("message").path("seq").asLong());

			agent.send(sendFrame("a-1", "I am checking it for you"));
			agent.next("ack");
			JsonNode reply = visitor.next(f -> f.path("type").asString().equals("message")
					&& f.path("message").path("clientMsgId").asString().equals("a-1"), "agent reply");
			assertThat(reply.path("message").path("sender").path("type").asString()).isEqualTo("AGENT");
			assertThat(reply.path("message").path("sender").path("name").asString()).isEqualTo(tenant.agent(0).name());
		}
	}

	@Test
	void imageSentLiveArrivesWithALinkThatOpensIt() throws Exception {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
		String imageId = api.upload("/api/v1/conversations/" + conversationId + "/attachments", visitorToken,
				"photo.png", "image/png", png).body().path("id").asString();
		try (LiveClient agent = LiveClient.authenticated(api.http(), port, agentToken);
				LiveClient visitor = LiveClient.authenticated(api.http(), port, visitorToken)) {
			visitor.send(Api.json.writeValueAsString(Map.of("type", "send", "id", "v-img", "conversationId",
					conversationId, "clientMsgId", "v-img", "text", "", "attachments", List.of(imageId))));

			for (JsonNode frame : List.of(visitor.next("ack"), agent.next("message"))) {
				String url = frame.path("message").path("attachments").path(0).path("url").asString();
				HttpResponse<byte[]> file = api.http()
					.send(HttpRequest.newBuilder(URI.create(api.base() + url)).build(),
							HttpResponse.BodyHandlers.ofByteArray());
				assertThat(file.statusCode()).as(url).isEqualTo(200);
				assertThat(file.body()).isEqualTo(png);
			}
		}
	}

	@Test
	void reconnectingVisitorResumesFromLastSeenSequenceWithoutLossOrDuplicate() {
		long lastSeen;
		try (LiveClient visitor = LiveClient.authenticated(api.http(), port, visitorToken)) {
			visitor.send(sendFrame("v-1", "first"));
			lastSeen = visitor.next("ack").path("message").path("seq").asLong();
		}
		for (int i = 1; i <= 3; i++) {
			api.post("/api/v1/conversations/" + conversationId + "/messages", agentToken,
					"{\"clientMsgId\":\"missed-" + i + "\",\"text\":\"missed " + i + "\"}");
		}
		try (LiveClient visitor = LiveClient.authenticated(api.http(), port, visitorToken)) {
			visitor.send("{\"type\":\"sync\",\"id\":\"s\",\"conversationId\":\"" + conversationId + "\",\"after\":"
					+ lastSeen + "}");
			List<JsonNode> caughtUp = new ArrayList<>();
			JsonNode frame;
			while (!(frame = visitor.next(f -> Set.of("message", "synced").contains(f.path("type").asString()),
					"catch-up")).path("type").asString().equals("synced")) {
				caughtUp.add(frame.path("message"));
			}
			assertThat(caughtUp).extracting(m -> m.path("text").asString())
				.containsExactly("missed 1", "missed 2", "missed 3");
			assertThat(caughtUp).extracting(m -> m.path("seq").asLong())
				.containsExactly(lastSeen + 1, lastSeen + 2, lastSeen + 3);
			assertThat(frame.path("lastSeq").asLong()).isEqualTo(lastSeen + 3);
		}
	}

	@Test
	void resentClientMessageIdIsAcknowledgedWithTheStoredMessageAndStoredOnce() {
		try (LiveClient visitor = LiveClient.authenticated(api.http(), port, visitorToken)) {
			visitor.send(sendFrame("same-id", "only once"));
			JsonNode first = visitor.next("ack");
			visitor.send(sendFrame("same-id", "only once"));
			JsonNode second = visitor.next("ack");
			assertThat(second.path("duplicate").asBoolean()).isTrue();
			assertThat(second.path("message").path("seq").asLong()).isEqualTo(first.path("message").path("seq").asLong());
		}
		JsonNode stored = api.get("/api/v1/conversations/" + conversationId + "/messages?after=0", visitorToken);
		assertThat(stored.valueStream().filter(m -> m.path("clientMsgId").asString().equals("same-id"))).hasSize(1);
	}

	@Test
	void framesOverTheBudgetAreRefusedNamingTheFrameToResend() {
		try (LiveClient visitor = LiveClient.authenticated(api.http(), port, visitorToken)) {
			for (int i = 0; i < 60; i++) {
				visitor.send("{\"type\":\"ping\",\"id\":\"p-" + i + "\"}");
			}
			JsonNode refused = visitor.next("error");
			assertThat(refused.path("code").asString()).isEqualTo("rate-limited");
			assertThat(refused.path("id").asString()).startsWith("p-");
		}
	}

	@Test
	void resendAfterTheChatWasClosedGetsTheStoredMessageNotAnError() {
		String path = "/api/v1/conversations/" + conversationId + "/messages";
		Map<String, String> message = Map.of("clientMsgId", "late-ack", "text", "谢谢，再见");
		Api.Response first = api.call("POST", path, visitorToken, message);
		api.post("/api/v1/conversations/" + conversationId + "/close", agentToken, Map.of("reason", "resolved"));

		Api.Response resend = api.call("POST", path, visitorToken, message);
		assertThat(resend.status()).isEqualTo(200);
		assertThat(resend.body().path("seq").asLong()).isEqualTo(first.body().path("seq").asLong());
		Api.Response newOne = api.call("POST", path, visitorToken, Map.of("clientMsgId", "new", "text", "还在吗"));
		assertThat(newOne.status()).isEqualTo(409);
		assertThat(newOne.code()).isEqualTo("conversation-closed");
	}

	@Test
	void badFramesGetClearErrorsAndTheConnectionKeepsWorking() {
		try (LiveClient anonymous = LiveClient.connect(api.http(), port)) {
			anonymous.send(sendFrame("x", "hello"));
			assertThat(anonymous.next("error").path("code").asString()).isEqualTo("unauthenticated");
			anonymous.send("{\"type\":\"auth\",\"token\":\"v1.forged.token\"}");
			assertThat(anonymous.next("error").path("code").asString()).isEqualTo("unauthenticated");
		}
		try (LiveClient visitor = LiveClient.authenticated(api.http(), port, visitorToken)) {
			visitor.send("this is not json");
			assertThat(visitor.next("error").path("code").asString()).isEqualTo("malformed-frame");
			visitor.send(sendFrame("long", "x".repeat(5001)));
			assertThat(visitor.next("error").path("code").asString()).isEqualTo("message-too-long");
			visitor.send("{\"type\":\"send\",\"conversationId\":\"not-a-uuid\",\"clientMsgId\":\"c\",\"text\":\"t\"}");
			assertThat(visitor.next("error").path("code").asString()).isEqualTo("invalid-id");
			visitor.send("{\"type\":\"teleport\"}");
			assertThat(visitor.next("error").path("code").asString()).isEqualTo("unknown-frame");
			visitor.send("{\"type\":\"ping\",\"id\":\"p\"}");
			assertThat(visitor.next("pong").path("id").asString()).isEqualTo("p");
			assertThat(visitor.isClosed()).isFalse();
		}
	}

	@Test
	void eventStreamFallbackDeliversMessagesSentOverHttp() throws Exception {
		BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
		HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/events"))
			.header("Authorization", "Bearer " + agentToken)
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<java.io.InputStream> stream = api.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		Thread reader = Thread.ofVirtual().start(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("data:")) {
						events.add(Api.json.readTree(line.substring(5)));
					}
				}
			}
			catch (Exception streamClosed) {
				// The test ends by closing the stream.
			}
		});
		try {
			assertThat(poll(events, "ready").path("role").asString()).isEqualTo("staff");
			api.post("/api/v1/conversations/" + conversationId + "/messages", visitorToken,
					"{\"clientMsgId\":\"http-1\",\"text\":\"sent without websocket\"}");
			JsonNode message = poll(events, "message").path("message");
			assertThat(message.path("text").asString()).isEqualTo("sent without websocket");
		}
		finally {
			stream.body().close();
			reader.interrupt();
		}
	}

	private static JsonNode poll(BlockingQueue<JsonNode> events, String type) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline) {
			JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
			if (event != null && event.path("type").asString().equals(type)) {
				return event;
			}
		}
		throw new AssertionError("no " + type + " event within 5 s");
	}

	private String sendFrame(String clientMsgId, String text) {
		return Api.json.writeValueAsString(Map.of("type", "send", "id", clientMsgId, "conversationId",
				conversationId, "clientMsgId", clientMsgId, "text", text));
	}

}
