package dev.kefu.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.kefu.testing.Api;
import dev.kefu.testing.KefuNode;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * WeCom customer service end to end, against a fake of WeCom's server (a real HTTP server started by the test, in
 * the formats of WeCom's documentation): its callbacks are checked and make Kefu read the messages with
 * kf/sync_msg into chats the agents take; what agents write goes out with kf/send_msg; the chat's state becomes
 * WeCom's session state.
 */
@ServerTest
class WecomKfChannelTest {

	static final String CUSTOMER = "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	WecomKfChannel provider;

	Api api;
	TestTenant tenant;
	String admin;
	String agent;
	FakeWecom wecom;
	String channelId;

	@BeforeEach
	void organizationWithAWecomChannel() throws Exception {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		wecom = new FakeWecom();
		JsonNode channel = api.post("/api/v1/admin/channels", admin, Map.of("provider", "wecom-kf", "name", "微信客服",
				"configuration", Map.of("corpId", FakeWecom.CORP_ID, "secret", FakeWecom.SECRET, "token",
						FakeWecom.TOKEN, "encodingAESKey", FakeWecom.AES_KEY, "openKfid", FakeWecom.OPEN_KFID,
						"apiBaseUrl", wecom.url())));
		channelId = channel.path("id").asString();
	}

	@AfterEach
	void stopWecom() {
		wecom.close();
	}

	@Test
	void weComChecksTheCallbackUrlAndGetsTheDecryptedEchoBack() throws Exception {
		var answer = wecom.verifyUrl(api.base(), channelId, "1616140317555161061");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("1616140317555161061");
	}

	@Test
	void aCallbackWithABadSignatureIsRefusedAndNothingIsRead() throws Exception {
		wecom.customerWrites(CUSTOMER, "msg-1", "你好");

		assertThat(wecom.callback(api.base(), channelId, true)).as(() -> wecom.lastAnswer).isEqualTo(403);

		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
			.until(() -> wecom.calls("/cgi-bin/kf/sync_msg").isEmpty());
		assertThat(api.get("/api/v1/conversations/mine", agent).valueStream().toList()).isEmpty();
	}

	@Test
	void aCustomersMessagesBecomeAChatTheAgentGetsWithTheImageAsAnAttachment() throws Exception {
		wecom.customerWrites(CUSTOMER, "msg-1", "你好，我的订单还没到");
		wecom.customerSendsImage(CUSTOMER, "msg-2");

		assertThat(wecom.callback(api.base(), channelId)).isEqualTo(200);

		String conversation = chatOf(agent);
		JsonNode chat = api.get("/api/v1/conversations/" + conversation, agent);
		assertThat(chat.path("channel").asString()).isEqualTo("wecom-kf");
		assertThat(chat.path("channelId").asString()).isEqualTo(channelId);
		List<JsonNode> messages = await().atMost(Duration.ofSeconds(10))
			.until(() -> customerMessages(conversation), m -> m.size() == 2);
		assertThat(messages.getFirst().path("text").asString()).isEqualTo("你好，我的订单还没到");
		assertThat(messages.get(1).path("attachments").valueStream().map(a -> a.path("contentType").asString()))
			.containsExactly("image/png");
		// The callback's token went along, which lifts sync_msg's strict rate limit.
		assertThat(wecom.calls("/cgi-bin/kf/sync_msg").getFirst().body().path("token").asString()).isNotBlank();
		assertThat(wecom.calls("/cgi-bin/kf/sync_msg").getFirst().body().path("open_kfid").asString())
			.isEqualTo(FakeWecom.OPEN_KFID);
	}

	@Test
	void theCursorOutlivesTheNodeSoAfterARestartNothingIsReadTwiceOrSkipped() throws Exception {
		for (int i = 1; i <= 3; i++) {
			wecom.customerWrites(CUSTOMER, "msg-" + i, "第" + i + "条");
		}
		ConfigurableApplicationContext first = node("first");
		try {
			assertThat(wecom.callback("http://127.0.0.1:" + KefuNode.port(first), channelId)).isEqualTo(200);
			String conversation = chatOf(agent);
			await().atMost(Duration.ofSeconds(10)).until(() -> customerMessages(conversation).size() == 3);
		}
		finally {
			first.close();
		}
		wecom.customerWrites(CUSTOMER, "msg-4", "第4条");
		wecom.customerWrites(CUSTOMER, "msg-5", "第5条");
		ConfigurableApplicationContext next = node("next");
		try {
			assertThat(wecom.callback("http://127.0.0.1:" + KefuNode.port(next), channelId)).isEqualTo(200);
			String conversation = chatOf(agent);
			await().atMost(Duration.ofSeconds(10)).until(() -> customerMessages(conversation).size() == 5);
			assertThat(customerMessages(conversation)).extracting(m -> m.path("text").asString())
				.containsExactly("第1条", "第2条", "第3条", "第4条", "第5条");
		}
		finally {
			next.close();
		}
		assertThat(wecom.timesServed()).hasSize(5).allSatisfy((message, times) -> assertThat(times).isOne());
	}

	@Test
	void aMessageWeComHandsOutTwiceIsStoredOnce() throws Exception {
		wecom.customerWrites(CUSTOMER, "msg-1", "在吗？");
		wecom.customerWrites(CUSTOMER, "msg-1", "在吗？");
		wecom.customerWrites(CUSTOMER, "msg-2", "有人吗");

		wecom.callback(api.base(), channelId);

		String conversation = chatOf(agent);
		await().atMost(Duration.ofSeconds(10)).until(() -> wecom.timesServed().size() == 3);
		await().atMost(Duration.ofSeconds(10)).until(() -> customerMessages(conversation).size() == 2);
		assertThat(customerMessages(conversation)).extracting(m -> m.path("text").asString())
			.containsExactly("在吗？", "有人吗");
	}

	@Test
	void theAgentsReplyGoesOutWithSendMsgAndClosingTheChatEndsTheWecomSession() throws Exception {
		wecom.customerWrites(CUSTOMER, "msg-1", "发票怎么开？");
		wecom.callback(api.base(), channelId);
		String conversation = chatOf(agent);
		// Served by Kefu, the session is the API's in WeCom (智能助手), the state in which the API may write.
		await().atMost(Duration.ofSeconds(10)).until(() -> wecom.state(CUSTOMER) == 1);

		api.post("/api/v1/conversations/" + conversation + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "您好，在订单页点“申请发票”即可。"));

		FakeWecom.Call sent = await().atMost(Duration.ofSeconds(15))
			.until(() -> sentText("您好，在订单页点“申请发票”即可。"), java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(sent.body().path("touser").asString()).isEqualTo(CUSTOMER);
		assertThat(sent.body().path("open_kfid").asString()).isEqualTo(FakeWecom.OPEN_KFID);
		assertThat(sent.body().path("msgtype").asString()).isEqualTo("text");

		api.post("/api/v1/conversations/" + conversation + "/close", agent, Map.of("reason", "resolved"));

		await().atMost(Duration.ofSeconds(15)).until(() -> wecom.state(CUSTOMER) == 4);
	}

	@Test
	void aCustomerOpeningTheWindowStartsAChatWhoseFirstLineUsesTheWelcomeCode() throws Exception {
		wecom.customerEnters(CUSTOMER, "welcome-code-1");

		wecom.callback(api.base(), channelId);

		chatOf(agent);
		// The chat's first line to the customer (the agent's "now serving you") goes out while the code is fresh.
		FakeWecom.Call greeting = await().atMost(Duration.ofSeconds(15))
			.until(() -> wecom.calls("/cgi-bin/kf/send_msg_on_event").stream().findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(greeting.body().path("code").asString()).isEqualTo("welcome-code-1");
		assertThat(greeting.body().path("msgtype").asString()).isEqualTo("text");
		assertThat(greeting.body().path("text").path("content").asString()).isNotBlank();
	}

	@Test
	void anImageTheAgentSendsIsUploadedToWecomAndSentAsAnImage() throws Exception {
		wecom.customerWrites(CUSTOMER, "msg-1", "能发张图吗？");
		wecom.callback(api.base(), channelId);
		String conversation = chatOf(agent);
		String file = api.upload("/api/v1/conversations/" + conversation + "/attachments", agent, "map.png",
				"image/png", FakeWecom.PNG).body().path("id").asString();

		api.post("/api/v1/conversations/" + conversation + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "", "attachments", List.of(file)));

		FakeWecom.Call image = await().atMost(Duration.ofSeconds(15))
			.until(() -> wecom.calls("/cgi-bin/kf/send_msg").stream()
				.filter(c -> c.body().path("msgtype").asString().equals("image") && !c.refused())
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		FakeWecom.Call upload = wecom.calls("/cgi-bin/media/upload").getFirst();
		assertThat(upload.query().get("type")).isEqualTo("image");
		assertThat(image.body().path("image").path("media_id").asString()).isEqualTo("uploaded-1");
		assertThat(image.body().path("touser").asString()).isEqualTo(CUSTOMER);
	}

	@Test
	void aReplyWeComRefusesForGoodIsMarkedFailedWithWeComsReason() throws Exception {
		wecom.customerWrites(CUSTOMER, "msg-1", "人工客服");
		wecom.callback(api.base(), channelId);
		String conversation = chatOf(agent);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> wecom.state(CUSTOMER) == 1 && !wecom.calls("/cgi-bin/kf/send_msg").isEmpty());
		wecom.failSends(95001);

		String reply = api.post("/api/v1/conversations/" + conversation + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "还在吗？")).path("id").asString();

		JsonNode failed = await().atMost(Duration.ofSeconds(15))
			.until(() -> api.get("/api/v1/conversations/" + conversation + "/deliveries", agent).valueStream()
				.filter(d -> d.path("messageId").asString().equals(reply))
				.findFirst()
				.orElse(null), d -> d != null && d.path("status").asString().equals("FAILED"));
		assertThat(failed.path("attempts").asInt()).isEqualTo(1);
		assertThat(failed.path("error").asString()).contains("95001").contains("customer writes again");
	}

	@Test
	void aTokenThatExpiresMidSendIsRefreshedOnceAndTheReplyGoesOut() throws Exception {
		wecom.customerWrites(CUSTOMER, "msg-1", "退货地址是哪里？");
		wecom.callback(api.base(), channelId);
		String conversation = chatOf(agent);
		// The assignment and its "now serving you" line are out, so the next call is the reply's.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> wecom.state(CUSTOMER) == 1 && !wecom.calls("/cgi-bin/kf/send_msg").isEmpty());
		int issued = wecom.tokensIssued();
		wecom.expireToken();

		api.post("/api/v1/conversations/" + conversation + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "上海市浦东新区XX路1号"));

		await().atMost(Duration.ofSeconds(15)).until(() -> sentText("上海市浦东新区XX路1号").isPresent());
		assertThat(wecom.tokensIssued()).isEqualTo(issued + 1);
		assertThat(wecom.calls("/cgi-bin/kf/send_msg").stream()
			.filter(c -> c.body().path("text").path("content").asString().equals("上海市浦东新区XX路1号")))
			.as(() -> wecom.allCalls().toString())
			.extracting(FakeWecom.Call::refused)
			.containsExactly(true, false);
	}

	@Test
	void testingTheConnectionSignsInAndFindsTheAccountOrSaysWhatFailed() {
		Map<String, Object> settings = new java.util.HashMap<>(Map.of("corpId", FakeWecom.CORP_ID, "secret",
				FakeWecom.SECRET, "token", FakeWecom.TOKEN, "encodingAESKey", FakeWecom.AES_KEY, "openKfid",
				FakeWecom.OPEN_KFID, "apiBaseUrl", wecom.url()));

		var good = provider.check(unsaved(settings));
		settings.put("secret", "not-the-secret");
		var badSecret = provider.check(unsaved(settings));
		settings.put("secret", FakeWecom.SECRET);
		settings.put("openKfid", "wk-another-account");
		var otherAccount = provider.check(unsaved(settings));
		settings.put("apiBaseUrl", "http://127.0.0.1:1");
		var unreachable = provider.check(unsaved(settings));

		assertThat(good.ok()).as(good.detail()).isTrue();
		assertThat(good.detail()).contains("售后客服");
		assertThat(badSecret.ok()).isFalse();
		assertThat(badSecret.detail()).contains("40001").contains(FakeWecom.CORP_ID);
		assertThat(otherAccount.ok()).isFalse();
		assertThat(otherAccount.detail()).contains("wk-another-account").contains(FakeWecom.OPEN_KFID);
		assertThat(unreachable.ok()).isFalse();
		assertThat(unreachable.detail()).contains("could not reach http://127.0.0.1:1");
	}

	private static dev.kefu.channel.ChannelInstance unsaved(Map<String, Object> settings) {
		java.time.Instant now = java.time.Instant.now();
		return new dev.kefu.channel.ChannelInstance(UUID.randomUUID(), UUID.randomUUID(), WecomKfChannel.ID, "test",
				Map.copyOf(settings), null, true, now, now);
	}

	private java.util.Optional<FakeWecom.Call> sentText(String text) {
		return wecom.calls("/cgi-bin/kf/send_msg").stream()
			.filter(c -> c.body().path("text").path("content").asString().equals(text))
			.filter(c -> !c.refused())
			.reduce((a, b) -> b);
	}

	private String chatOf(String staff) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> api.get("/api/v1/conversations/mine", staff).valueStream()
				.filter(c -> c.path("channel").asString().equals("wecom-kf"))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow()
			.path("id")
			.asString();
	}

	private List<JsonNode> customerMessages(String conversation) {
		return api.get("/api/v1/conversations/" + conversation + "/messages?after=0&limit=200", admin).valueStream()
			.filter(m -> m.path("sender").path("type").asString().equals("CONTACT"))
			.toList();
	}

	/** Another Kefu node on the same database, as after a restart: a search index of its own. */
	private ConfigurableApplicationContext node(String name) {
		return KefuNode.besides(environment, Map.of("kefu.knowledge.index-dir",
				environment.getRequiredProperty("kefu.data-dir") + "/index/wecom-" + name));
	}
}
