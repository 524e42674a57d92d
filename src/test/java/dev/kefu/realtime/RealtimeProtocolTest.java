package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.OfflinePolicy;
import dev.kefu.organization.Organization;
import dev.kefu.organization.Organizations;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The WebSocket protocol and its SSE fallback, end to end over real connections. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:realtime;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
		"kefu.demo.enabled=false", "kefu.data-dir=target/test-data/realtime",
		"spring.datasource.hikari.leak-detection-threshold=3000" })
class RealtimeProtocolTest {

	static final JsonMapper json = JsonMapper.builder().build();
	static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Organizations organizations;

	@Autowired
	Groups groups;

	@Autowired
	StaffMembers staff;

	String agentToken;
	String visitorToken;
	String conversationId;

	@BeforeEach
	void agentServesAVisitor() throws Exception {
		String slug = "rt-" + UUID.randomUUID().toString().substring(0, 8);
		Organization org = organizations.create(slug, "Realtime Test", "Asia/Shanghai");
		BusinessGroup group = groups.createGroup(org.id(), groups.createCenter(org.id(), "Center").id(), "General", 10,
				OfflinePolicy.KEEP, Duration.ZERO);
		staff.create(org.id(), slug + "-agent", "password-1",
				new StaffMembers.Profile("Agent Zhang", null, Set.of(Role.AGENT), 3, true, List.of(group.id())));
		agentToken = post("/api/v1/auth/login", null,
				"{\"username\":\"" + slug + "-agent\",\"password\":\"password-1\"}").path("token").asString();
		put("/api/v1/agents/me/status", agentToken, "{\"status\":\"ONLINE\"}");
		visitorToken = post("/api/v1/visitor/sessions", null, "{\"organization\":\"" + slug + "\"}").path("token")
			.asString();
		conversationId = post("/api/v1/visitor/conversations", visitorToken, "{}").path("conversation")
			.path("id")
			.asString();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> get("/api/v1/conversations/mine", agentToken).size() == 1);
	}

	@Test
	void visitorMessageReachesAssignedAgentAndTheReplyComesBack() {
		try (LiveClient agent = LiveClient.authenticated(http, port, agentToken);
				LiveClient visitor = LiveClient.authenticated(http, port, visitorToken)) {
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
			assertThat(reply.path("message").path("sender").path("name").asString()).isEqualTo("Agent Zhang");
		}
	}

	@Test
	void reconnectingVisitorResumesFromLastSeenSequenceWithoutLossOrDuplicate() throws Exception {
		long lastSeen;
		try (LiveClient visitor = LiveClient.authenticated(http, port, visitorToken)) {
			visitor.send(sendFrame("v-1", "first"));
			lastSeen = visitor.next("ack").path("message").path("seq").asLong();
		}
		for (int i = 1; i <= 3; i++) {
			post("/api/v1/conversations/" + conversationId + "/messages", agentToken,
					"{\"clientMsgId\":\"missed-" + i + "\",\"text\":\"missed " + i + "\"}");
		}
		try (LiveClient visitor = LiveClient.authenticated(http, port, visitorToken)) {
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
	void resentClientMessageIdIsAcknowledgedWithTheStoredMessageAndStoredOnce() throws Exception {
		try (LiveClient visitor = LiveClient.authenticated(http, port, visitorToken)) {
			visitor.send(sendFrame("same-id", "only once"));
			JsonNode first = visitor.next("ack");
			visitor.send(sendFrame("same-id", "only once"));
			JsonNode second = visitor.next("ack");
			assertThat(second.path("duplicate").asBoolean()).isTrue();
			assertThat(second.path("message").path("seq").asLong()).isEqualTo(first.path("message").path("seq").asLong());
		}
		JsonNode stored = get("/api/v1/conversations/" + conversationId + "/messages?after=0", visitorToken);
		assertThat(stored.valueStream().filter(m -> m.path("clientMsgId").asString().equals("same-id"))).hasSize(1);
	}

	@Test
	void badFramesGetClearErrorsAndTheConnectionKeepsWorking() {
		try (LiveClient anonymous = LiveClient.connect(http, port)) {
			anonymous.send(sendFrame("x", "hello"));
			assertThat(anonymous.next("error").path("code").asString()).isEqualTo("unauthenticated");
			anonymous.send("{\"type\":\"auth\",\"token\":\"v1.forged.token\"}");
			assertThat(anonymous.next("error").path("code").asString()).isEqualTo("unauthenticated");
		}
		try (LiveClient visitor = LiveClient.authenticated(http, port, visitorToken)) {
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
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/events"))
			.header("Authorization", "Bearer " + agentToken)
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<java.io.InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		Thread reader = Thread.ofVirtual().start(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("data:")) {
						events.add(json.readTree(line.substring(5)));
					}
				}
			}
			catch (Exception streamClosed) {
				// The test ends by closing the stream.
			}
		});
		try {
			assertThat(poll(events, "ready").path("role").asString()).isEqualTo("staff");
			post("/api/v1/conversations/" + conversationId + "/messages", visitorToken,
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
		return json.writeValueAsString(java.util.Map.of("type", "send", "id", clientMsgId, "conversationId",
				conversationId, "clientMsgId", clientMsgId, "text", text));
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private JsonNode post(String path, String token, String body) throws Exception {
		return exchange("POST", path, token, body);
	}

	private JsonNode put(String path, String token, String body) throws Exception {
		return exchange("PUT", path, token, body);
	}

	private JsonNode get(String path, String token) throws Exception {
		return exchange("GET", path, token, null);
	}

	private JsonNode exchange(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isLessThan(300);
		return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
	}
}
