package dev.kefu.channel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.Receiver;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * A company's bridge talks to Kefu through an API channel: its customers' signed messages become chats that agents
 * take like web chats, a resend is stored once, and what the agent writes reaches the bridge's callback URL, signed
 * and retried. The receiver is a real HTTP server started by the test.
 */
@ServerTest
@TestPropertySource(properties = { "kefu.webhooks.allow-private-targets=true", "kefu.webhooks.poll-interval=100ms",
		"kefu.webhooks.retry-base=200ms", "kefu.webhooks.settle=300ms", "kefu.webhooks.max-consecutive-failures=3" })
class ApiChannelTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;
	String agent;
	Receiver receiver;
	String channelId;
	String secret;

	@BeforeEach
	void organizationWithAnApiChannel() throws Exception {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		agent = tenant.agentToken(api, 0);
		// Like a web chat, a bridge's chat is only opened while someone can take it (or the assistant serves it).
		api.status(agent, "ONLINE");
		receiver = new Receiver();
		JsonNode channel = api.post("/api/v1/admin/channels", admin, Map.of("provider", "api", "name", "Mobile app",
				"configuration", Map.of("callbackUrl", receiver.url())));
		channelId = channel.path("id").asString();
		secret = channel.path("secret").asString();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void aCustomersFirstMessageMakesAContactAndAChatThatTheAgentGetsLikeAWebChat() {

		Api.Response first = inbound(message("user-1001", "m-1", "我的订单还没到", Map.of("name", "王芳")));

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.body().path("duplicate").asBoolean()).isFalse();
		String conversation = first.body().path("conversationId").asString();
		JsonNode assigned = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/" + conversation, agent),
					c -> c.path("state").asString().equals("ASSIGNED"));
		assertThat(assigned.path("channel").asString()).isEqualTo("api");
		assertThat(assigned.path("channelId").asString()).isEqualTo(channelId);
		assertThat(assigned.path("agentId").asString()).isEqualTo(tenant.agent(0).id().toString());
		JsonNode contact = api.get("/api/v1/contacts/" + first.body().path("contactId").asString(), agent);
		assertThat(contact.path("name").asString()).isEqualTo("王芳");
		assertThat(contact.path("attributes").path("externalCustomerId").asString()).isEqualTo("user-1001");

		Api.Response second = inbound(message("user-1001", "m-2", "订单号 12345", Map.of()));

		assertThat(second.status()).isEqualTo(201);
		assertThat(second.body().path("conversationId").asString()).isEqualTo(conversation);
		assertThat(texts(conversation, "CONTACT")).containsExactly("我的订单还没到", "订单号 12345");
		assertThat(api.get("/api/v1/channels", agent).valueStream()
			.filter(c -> c.path("id").asString().equals(channelId))
			.map(c -> c.path("name").asString())).containsExactly("Mobile app");
	}

	@Test
	void whereTheGroupsAssistantIsOnItServesTheBridgedChatAndItsWordsReachTheCallback() {
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/assistant", admin, Map.of("enabled", true, "name",
				"小客", "greeting", "您好，我是智能助手小客。", "threshold", 0.8));

		String conversation = inbound(message("user-4", "m-1", "你好", Map.of())).body().path("conversationId")
			.asString();

		// Opened for the assistant, as a web chat is (it may hand over to the online agent at once).
		assertThat(api.get("/api/v1/conversations/" + conversation + "/transitions", admin).get(0).path("to").asString())
			.isEqualTo("BOT");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> receiver.ofType("message.created").stream()
				.map(r -> r.json().path("data").path("message"))
				.anyMatch(m -> m.path("senderType").asString().equals("BOT")
						&& m.path("text").asString().equals("您好，我是智能助手小客。")
						&& m.path("senderName").asString().equals("小客")));
	}

	@Test
	void aResendOfAMessageIdIsStoredOnceAndSaysSo() {
		Api.Response first = inbound(message("user-1", "order-42", "hello", Map.of()));
		Api.Response again = inbound(message("user-1", "order-42", "hello", Map.of()));

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().path("duplicate").asBoolean()).isTrue();
		assertThat(again.body().path("messageId").asString()).isEqualTo(first.body().path("messageId").asString());
		assertThat(texts(first.body().path("conversationId").asString(), "CONTACT")).containsExactly("hello");
	}

	@Test
	void concurrentResendsOfANewCustomersMessageMakeOneContactOneChatAndOneMessage() throws Exception {
		String body = message("user-racing", "burst-1", "are you there?", Map.of());
		List<Callable<Api.Response>> resends = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			resends.add(() -> inbound(body));
		}
		List<Api.Response> answers;
		try (ExecutorService bridges = Executors.newFixedThreadPool(8)) {
			answers = bridges.invokeAll(resends).stream().map(Future::resultNow).toList();
		}

		assertThat(answers).extracting(Api.Response::status).containsOnly(200, 201);
		assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
		assertThat(answers).extracting(a -> a.body().path("messageId").asString()).containsOnly(
				answers.getFirst().body().path("messageId").asString());
		assertThat(answers).extracting(a -> a.body().path("contactId").asString()).containsOnly(
				answers.getFirst().body().path("contactId").asString());
		assertThat(texts(answers.getFirst().body().path("conversationId").asString(), "CONTACT"))
			.containsExactly("are you there?");
	}

	@Test
	void aCustomerWritingFasterThanTheWidgetAllowsIsSlowedDownWithNothingHalfStored() throws Exception {
		List<Callable<Api.Response>> flood = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String body = message("user-fast", "flood-" + i, "message " + i, Map.of());
			flood.add(() -> inbound(body));
		}
		List<Api.Response> answers;
		try (ExecutorService bridge = Executors.newFixedThreadPool(20)) {
			answers = bridge.invokeAll(flood).stream().map(Future::resultNow).toList();
		}

		List<Api.Response> stored = answers.stream().filter(a -> a.status() == 201).toList();
		assertThat(answers).extracting(Api.Response::status).containsOnly(201, 429);
		assertThat(answers).filteredOn(a -> a.status() == 429).isNotEmpty()
			.extracting(Api.Response::code).containsOnly("rate-limited");
		assertThat(texts(stored.getFirst().body().path("conversationId").asString(), "CONTACT")).hasSize(stored.size());
	}

	@Test
	void aMissingOrForgedSignatureOrAnOldTimestampIsRefusedAndNothingIsStored() throws Exception {
		String body = message("user-7", "m-1", "hi", Map.of());
		long now = System.currentTimeMillis() / 1000;

		Api.Response unsigned = send(body, null, null, null);
		Api.Response forged = send(body, "msg_1", Long.toString(now),
				sign("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), "msg_1", now, body));
		Api.Response replayed = send(body, "msg_1", Long.toString(now - 600), sign(secret, "msg_1", now - 600, body));
		Api.Response otherBody = send(message("user-7", "m-1", "changed", Map.of()), "msg_1", Long.toString(now),
				sign(secret, "msg_1", now, body));

		assertThat(unsigned.status()).isEqualTo(401);
		assertThat(unsigned.code()).isEqualTo("missing-signature");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.code()).isEqualTo("invalid-signature");
		assertThat(replayed.status()).isEqualTo(401);
		assertThat(replayed.code()).isEqualTo("stale-timestamp");
		assertThat(otherBody.code()).isEqualTo("invalid-signature");
		Api.Response genuine = inbound(body);
		assertThat(genuine.status()).as("the refused ones stored nothing").isEqualTo(201);
		assertThat(genuine.body().path("seq").asLong()).isEqualTo(1);
	}

	@Test
	void aBodyThatIsNotAWellFormedMessageIsRefusedWithItsReason() {
		Api.Response malformed = inbound("{\"externalCustomerId\": \"user-8\", ");
		Api.Response noMessageId = inbound("{\"externalCustomerId\":\"user-8\",\"text\":\"hi\"}");
		Api.Response brokenText = inbound(
				"{\"externalCustomerId\":\"user-8\",\"externalMessageId\":\"m-1\",\"text\":\"\\ud800\"}");
		Api.Response tooLong = inbound(message("user-8", "m-2", "长".repeat(5001), Map.of()));

		assertThat(malformed.code()).isEqualTo("malformed-request");
		assertThat(noMessageId.code()).isEqualTo("invalid-external-message-id");
		assertThat(brokenText.code()).isEqualTo("invalid-text");
		assertThat(tooLong.code()).isEqualTo("message-too-long");
		assertThat(List.of(malformed, noMessageId, brokenText, tooLong)).extracting(Api.Response::status)
			.containsOnly(400);
	}

	@Test
	void theAgentsReplyAndTheChatsStatesReachTheCallbackSignedButNeverTheCustomersOwnMessages() throws Exception {
		String conversation = inbound(message("user-9", "m-1", "where is my parcel?", Map.of())).body()
			.path("conversationId").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/" + conversation, agent).path("state").asString()
				.equals("ASSIGNED"));

		api.post("/api/v1/conversations/" + conversation + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "It leaves today."));
		api.post("/api/v1/conversations/" + conversation + "/close", agent, Map.of("reason", "resolved"));

		await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.ofType("conversation.closed").isEmpty());
		Receiver.Received reply = receiver.ofType("message.created").stream()
			.filter(r -> r.json().path("data").path("message").path("senderType").asString().equals("AGENT"))
			.findFirst()
			.orElseThrow();
		assertThat(reply.signature()).isEqualTo(sign(secret, reply.id(), Long.parseLong(reply.timestamp()), reply.body()));
		JsonNode data = reply.json().path("data");
		assertThat(data.path("message").path("text").asString()).isEqualTo("It leaves today.");
		assertThat(data.path("externalCustomerId").asString()).isEqualTo("user-9");
		assertThat(data.path("conversationId").asString()).isEqualTo(conversation);
		assertThat(data.path("channelId").asString()).isEqualTo(channelId);
		// System lines come with their key and parameters, to be worded in the customer's language; text is English.
		JsonNode serving = receiver.ofType("message.created").stream()
			.map(r -> r.json().path("data").path("message"))
			.filter(m -> m.path("senderType").asString().equals("SYSTEM"))
			.findFirst()
			.orElseThrow();
		assertThat(serving.path("textKey").asString()).isEqualTo("system.nowServing");
		assertThat(serving.path("textParams").path("agent").asString()).isEqualTo("Agent 1");
		assertThat(serving.path("text").asString()).isEqualTo("Agent 1 is now serving you");
		JsonNode assigned = receiver.ofType("conversation.assigned").getFirst().json().path("data");
		assertThat(assigned.path("agentName").asString()).isEqualTo("Agent 1");
		assertThat(receiver.ofType("message.created"))
			.extracting(r -> r.json().path("data").path("message").path("senderType").asString())
			.doesNotContain("CONTACT");
		List<String> order = receiver.received().stream().map(r -> r.json().path("type").asString()).toList();
		assertThat(order.indexOf("conversation.assigned")).isLessThan(order.lastIndexOf("message.created"));
		assertThat(order.getLast()).isIn("conversation.closed", "message.created");
	}

	@Test
	void aBridgedChatIsReportedAndInspectedAsAnApiChat() {
		api.put("/api/v1/quality/settings", admin, Map.of("samplePercent", 100, "includeFindings", true,
				"includeLowRatings", true, "silenceLimitSeconds", 120, "greetings", List.of("hello"), "closings",
				List.of("bye"), "forbidden", List.of()));
		String conversation = inbound(message("user-3", "m-1", "hello, my card is blocked", Map.of())).body()
			.path("conversationId").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/" + conversation, agent).path("state").asString()
				.equals("ASSIGNED"));
		api.post("/api/v1/conversations/" + conversation + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "hello, it is unblocked now, bye"));
		api.post("/api/v1/conversations/" + conversation + "/close", agent, Map.of("reason", "resolved"));

		JsonNode task = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/quality/queue", admin).valueStream()
				.filter(k -> k.path("conversationId").asString().equals(conversation))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(api.get("/api/v1/quality/tasks/" + task.path("id").asString(), admin).path("channel").asString())
			.isEqualTo("api");
		String today = java.time.LocalDate.now(tenant.organization().timeZone()).toString();
		String report = "/api/v1/reports/kpis?from=" + today + "&to=" + today + "&by=channel";
		JsonNode row = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get(report, admin).path("rows").valueStream()
				.filter(r -> r.path("label").asString().equals("api"))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(row.path("figures").path("conversations").asInt()).isEqualTo(1);
		assertThat(api.get(report + "&channel=web", admin).path("rows").valueStream()
			.filter(r -> r.path("label").asString().equals("api"))).isEmpty();
	}

	@Test
	void aCallbackTheBridgeFailsIsRetriedWithTheSameIdUntilAcknowledged() {
		String conversation = inbound(message("user-5", "m-1", "hello?", Map.of())).body().path("conversationId")
			.asString();
		// The assignment and its "now serving you" line are through before the receiver starts failing.
		await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.ofType("conversation.assigned").isEmpty()
				&& receiver.ofType("message.created").size() == 1);
		receiver.answer(500);

		api.post("/api/v1/conversations/" + conversation + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "Hello! How can I help?"));

		await().atMost(Duration.ofSeconds(15)).until(() -> agentReplies().size() >= 2);
		assertThat(agentReplies()).extracting(Receiver.Received::id).containsOnly(agentReplies().getFirst().id());
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> agentReplies().size() == 2);
		JsonNode logged = await().atMost(Duration.ofSeconds(5))
			.until(() -> api.get("/api/v1/admin/channels/" + channelId + "/deliveries", admin).valueStream()
				.filter(d -> d.path("id").asString().equals(agentReplies().getFirst().id()))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(logged.path("status").asString()).isEqualTo("DELIVERED");
		assertThat(logged.path("attempts").asInt()).isEqualTo(2);
		assertThat(logged.path("responseStatus").asInt()).isEqualTo(204);
	}

	@Test
	void anotherOrganizationsChannelIsNotFound() {
		TestTenant other = TestTenant.create(context, 0, 1);
		String otherAdmin = other.adminToken(api);
		String path = "/api/v1/admin/channels/" + channelId;

		assertThat(api.call("GET", path, otherAdmin, null).status()).isEqualTo(404);
		assertThat(api.call("PUT", path, otherAdmin, Map.of("name", "taken")).status()).isEqualTo(404);
		assertThat(api.call("POST", path + "/rotate-secret", otherAdmin, null).status()).isEqualTo(404);
		assertThat(api.call("GET", path + "/deliveries", otherAdmin, null).status()).isEqualTo(404);
		assertThat(api.call("DELETE", path, otherAdmin, null).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/admin/channels", otherAdmin).valueStream()
			.map(c -> c.path("id").asString())).doesNotContain(channelId);
		assertThat(api.get(path, admin).path("name").asString()).isEqualTo("Mobile app");
	}

	@Test
	void aRotatedSecretIsShownOnceAndTheOldOneNoLongerSigns() {
		JsonNode rotated = api.post("/api/v1/admin/channels/" + channelId + "/rotate-secret", admin, null);
		String old = secret;
		secret = rotated.path("secret").asString();

		assertThat(secret).startsWith("whsec_").isNotEqualTo(old);
		assertThat(api.get("/api/v1/admin/channels/" + channelId, admin).hasNonNull("secret")).isFalse();
		assertThat(inbound(message("user-2", "m-1", "new secret", Map.of())).status()).isEqualTo(201);
		String body = message("user-2", "m-2", "old secret", Map.of());
		long now = System.currentTimeMillis() / 1000;
		assertThat(send(body, "msg_2", Long.toString(now), sign(old, "msg_2", now, body)).code())
			.isEqualTo("invalid-signature");
	}

	@Test
	void theWebChannelsIdIsNoApiChannel() {
		String visitor = api.visitor(tenant.slug());
		String conversation = api.startChat(visitor).path("conversation").path("id").asString();
		String web = api.get("/api/v1/conversations/" + conversation, admin).path("channelId").asString();

		Api.Response response = api.raw("POST", "/api/v1/channels/" + web + "/messages", null, "application/json",
				message("user-1", "m-1", "hi", Map.of()));

		assertThat(response.status()).isEqualTo(404);
	}

	private List<Receiver.Received> agentReplies() {
		return receiver.ofType("message.created").stream()
			.filter(r -> r.json().path("data").path("message").path("senderType").asString().equals("AGENT"))
			.toList();
	}

	private List<String> texts(String conversation, String senderType) {
		return api.get("/api/v1/conversations/" + conversation + "/messages?after=0&limit=200", admin).valueStream()
			.filter(m -> m.path("sender").path("type").asString().equals(senderType))
			.map(m -> m.path("text").asString())
			.toList();
	}

	private static String message(String customer, String messageId, String text, Map<String, String> extra) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("externalCustomerId", customer);
		body.put("externalMessageId", messageId);
		body.put("text", text);
		body.putAll(extra);
		return Api.json.writeValueAsString(body);
	}

	/** Signed with the channel's secret as a bridge would, now. */
	private Api.Response inbound(String body) {
		long now = System.currentTimeMillis() / 1000;
		String id = "msg_" + UUID.randomUUID();
		return send(body, id, Long.toString(now), sign(secret, id, now, body));
	}

	private Api.Response send(String body, String id, String timestamp, String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/channels/" + channelId
				+ "/messages"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (id != null) {
			request.header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", signature);
		}
		try {
			HttpResponse<String> response = api.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
					response.body());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** What docs/integrations.md tells a bridge to do: HMAC-SHA256 of id.timestamp.body, key base64 after whsec_. */
	private static String sign(String secret, String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
