package dev.kefu.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kefu.channel.callback.CallbackCrypto;
import dev.kefu.channel.callback.CallbackCryptoTest;
import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.Channels;
import dev.kefu.channel.CustomerMessages;
import dev.kefu.channel.DeliveryFailed;
import dev.kefu.channel.Outbound;
import dev.kefu.conversation.ParticipantType;
import dev.kefu.shared.SqlTime;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * A WeChat Official Account as a channel, end to end: WeChat's server is faked by a real HTTP server speaking the
 * documented customer-service API, and the test posts callbacks as WeChat does (XML, signed; in safe mode encrypted,
 * checked with the official sample vectors). Followers' messages become chats; agents' replies reach the fake.
 */
@ServerTest
class WechatChannelTest {

	static final String APP_ID = "wx0123456789abcdef";
	static final String SECRET = "0123456789abcdef0123456789abcdef";
	static final String TOKEN = "kefutoken";
	static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

	static final AtomicLong MSG_IDS = new AtomicLong(6_054_768_590_064_700_000L);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Channels channels;

	@Autowired
	WechatInbound inbound;

	@Autowired
	WechatApi wechatApi;

	@Autowired
	AccessTokens tokens;

	@Autowired
	Followers followers;

	@Autowired
	CustomerMessages customers;

	@Autowired
	OutboundFiles files;

	@Autowired
	Clock clock;

	Api api;
	TestTenant tenant;
	String admin;
	String agent;
	FakeWechat wechat;
	String channelId;

	@BeforeEach
	void organizationWithAWechatChannel() throws Exception {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		wechat = new FakeWechat(APP_ID, SECRET);
		channelId = channel(Map.of("appId", APP_ID, "appSecret", SECRET, "token", TOKEN, "chatMenuKey", "CHAT_WITH_US",
				"apiBaseUrl", wechat.baseUrl()));
	}

	@AfterEach
	void stopWechat() {
		wechat.close();
	}

	@Test
	void wechatsUrlCheckIsAnsweredWithTheEchoOnlyWhenSignedWithTheToken() {
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		String signature = CallbackCrypto.signature(TOKEN, timestamp, "nonce1");

		Api.Response genuine = api.raw("GET", callback("signature=" + signature + "&timestamp=" + timestamp
				+ "&nonce=nonce1&echostr=5838479218127813673"), null, null, null);
		Api.Response forged = api.raw("GET", callback("signature=" + CallbackCrypto.signature("other", timestamp,
				"nonce1") + "&timestamp=" + timestamp + "&nonce=nonce1&echostr=5838479218127813673"), null, null, null);
		Api.Response unknownChannel = api.raw("GET", "/api/v1/channels/" + UUID.randomUUID() + "/wechat?signature="
				+ signature + "&timestamp=" + timestamp + "&nonce=nonce1&echostr=1", null, null, null);

		assertThat(genuine.status()).isEqualTo(200);
		assertThat(genuine.text()).isEqualTo("5838479218127813673");
		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.code()).isEqualTo("invalid-signature");
		assertThat(unknownChannel.status()).isEqualTo(404);
	}

	@Test
	void aFollowersTextOpensAChatAndTheAgentsReplyReachesThemThroughTheCustomerServiceApi() {
		Api.Response answer = post(text(OPENID, MSG_IDS.incrementAndGet(), "你好，我的快递到哪了？"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text()).isEqualTo("success");
		JsonNode conversation = assignedChatOf(OPENID);
		assertThat(conversation.path("channel").asString()).isEqualTo("wechat-mp");
		assertThat(conversation.path("channelId").asString()).isEqualTo(channelId);
		assertThat(texts(conversation, "CONTACT")).containsExactly("你好，我的快递到哪了？");
		JsonNode contact = api.get("/api/v1/contacts/" + conversation.path("contactId").asString(), agent);
		assertThat(contact.path("attributes").path("openid").asString()).isEqualTo(OPENID);

		reply(conversation, "今天发货。");

		FakeWechat.Sent sent = await().atMost(Duration.ofSeconds(20))
			.until(() -> sentText("今天发货。"), Optional::isPresent)
			.orElseThrow();
		assertThat(sent.touser()).isEqualTo(OPENID);
		assertThat(sent.msgtype()).isEqualTo("text");
		assertThat(sent.accessToken()).isEqualTo("ACCESS_TOKEN_1");
	}

	@Test
	void aCallbackWithAForgedSignatureIsRefusedAndStoresNothing() {
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		String forged = CallbackCrypto.signature("not-the-token", timestamp, "n");

		Api.Response refused = api.raw("POST", callback("signature=" + forged + "&timestamp=" + timestamp
				+ "&nonce=n&openid=" + OPENID), null, "text/xml", text(OPENID, 1, "forged"));
		Api.Response unsigned = api.raw("POST", callback("openid=" + OPENID), null, "text/xml",
				text(OPENID, 2, "unsigned"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("invalid-signature");
		assertThat(unsigned.status()).isEqualTo(403);
		post(text(OPENID, MSG_IDS.incrementAndGet(), "genuine"));
		assertThat(texts(assignedChatOf(OPENID), "CONTACT")).containsExactly("genuine");
	}

	@Test
	void aMessageWechatSendsAgainIsStoredOnce() {
		String message = text(OPENID, MSG_IDS.incrementAndGet(), "在吗？");

		List<Api.Response> answers = List.of(post(message), post(message), post(message));

		assertThat(answers).extracting(Api.Response::text).containsOnly("success");
		assertThat(texts(assignedChatOf(OPENID), "CONTACT")).containsExactly("在吗？");
	}

	@Test
	void safeModeTakesWechatsOfficialSampleMessageAndRefusesAWrongSignatureOrPlaintext() {
		String sample = channel(Map.of("appId", CallbackCryptoTest.PY_APP_ID, "appSecret", SECRET, "token",
				CallbackCryptoTest.PY_TOKEN, "encodingAESKey", CallbackCryptoTest.SAMPLE_KEY, "apiBaseUrl",
				wechat.baseUrl()));
		String query = "timestamp=" + CallbackCryptoTest.PY_TIMESTAMP + "&nonce=" + CallbackCryptoTest.PY_NONCE
				+ "&openid=oyORnuP8q7ou2gfYjqLzSIWZf0rs&encrypt_type=aes&msg_signature=";

		Api.Response wrong = api.raw("POST", "/api/v1/channels/" + sample + "/wechat?" + query
				+ CallbackCrypto.signature("x"), null, "text/xml", CallbackCryptoTest.PY_BODY);
		Api.Response plaintext = api.raw("POST", "/api/v1/channels/" + sample + "/wechat?signature="
				+ CallbackCrypto.signature(CallbackCryptoTest.PY_TOKEN, CallbackCryptoTest.PY_TIMESTAMP,
						CallbackCryptoTest.PY_NONCE)
				+ "&timestamp=" + CallbackCryptoTest.PY_TIMESTAMP + "&nonce=" + CallbackCryptoTest.PY_NONCE, null,
				"text/xml", text("oyORnuP8q7ou2gfYjqLzSIWZf0rs", 1, "plaintext"));
		Api.Response official = api.raw("POST", "/api/v1/channels/" + sample + "/wechat?" + query
				+ CallbackCryptoTest.PY_MSG_SIGNATURE, null, "text/xml", CallbackCryptoTest.PY_BODY);

		assertThat(wrong.status()).isEqualTo(403);
		assertThat(plaintext.status()).isEqualTo(403);
		assertThat(official.status()).isEqualTo(200);
		assertThat(official.text()).isEqualTo("success");
		assertThat(texts(assignedChatOf("oyORnuP8q7ou2gfYjqLzSIWZf0rs"), "CONTACT")).containsExactly("abcdteT");
	}

	@Test
	void aReplyMoreThan48HoursAfterTheFollowerLastWroteFailsWithTheReasonOnTheMessage() {
		post(text(OPENID, MSG_IDS.incrementAndGet(), "hello"));
		JsonNode conversation = assignedChatOf(OPENID);
		followerLastWrote(OPENID, Instant.now().minus(Duration.ofHours(49)));

		String reply = reply(conversation, "Sorry for the wait!");

		JsonNode failed = await().atMost(Duration.ofSeconds(20))
			.until(() -> delivery(conversation, reply), d -> d.path("status").asString().equals("FAILED"));
		assertThat(failed.path("error").asString()).isEqualTo(WechatDelivery.WINDOW_CLOSED);
		assertThat(sentText("Sorry for the wait!")).isEmpty();
	}

	@Test
	void wechatsOwnOutOfTimeAnswerFailsTheReplyWithTheSameReason() {
		post(text(OPENID, MSG_IDS.incrementAndGet(), "hello"));
		JsonNode conversation = assignedChatOf(OPENID);
		wechat.refuseSends(45015, "response out of time limit or subscription is canceled");

		String reply = reply(conversation, "Still there?");

		JsonNode failed = await().atMost(Duration.ofSeconds(20))
			.until(() -> delivery(conversation, reply), d -> d.path("status").asString().equals("FAILED"));
		assertThat(failed.path("error").asString()).isEqualTo(WechatDelivery.WINDOW_CLOSED);
	}

	@Test
	void aTokenThatExpiresMidSendIsRefreshedOnceAndTheReplySent() {
		post(text(OPENID, MSG_IDS.incrementAndGet(), "hello"));
		JsonNode conversation = assignedChatOf(OPENID);
		await().atMost(Duration.ofSeconds(20)).until(() -> wechat.tokensIssued() == 1 && !wechat.sent().isEmpty());
		wechat.expireTokenAtNextSend();

		reply(conversation, "Here is your answer.");

		FakeWechat.Sent sent = await().atMost(Duration.ofSeconds(20))
			.until(() -> sentText("Here is your answer."), Optional::isPresent)
			.orElseThrow();
		assertThat(sent.accessToken()).isEqualTo("ACCESS_TOKEN_2");
		assertThat(wechat.tokensIssued()).isEqualTo(2);
		assertThat(wechat.sent()).filteredOn(s -> s.text().equals("Here is your answer.")).hasSize(1);
	}

	@Test
	void followingTheAccountOrClickingTheChatMenuStartsAChatAndUnfollowingStopsReplies() {
		post(event("oFollower00000000000000001", "subscribe", null));
		JsonNode followed = assignedChatOf("oFollower00000000000000001");
		assertThat(texts(followed, "CONTACT")).containsExactly(WechatInbound.FOLLOWED);
		JsonNode contact = api.get("/api/v1/contacts/" + followed.path("contactId").asString(), agent);
		assertThat(contact.path("attributes").path("openid").asString()).isEqualTo("oFollower00000000000000001");

		post(event("oClicker000000000000000001", "CLICK", "OTHER_KEY"));
		post(event("oClicker000000000000000001", "CLICK", "CHAT_WITH_US"));
		JsonNode clicked = assignedChatOf("oClicker000000000000000001");
		assertThat(texts(clicked, "CONTACT")).containsExactly(
				WechatInbound.CLICKED.formatted("CHAT_WITH_US", "CHAT_WITH_US"));

		post(event("oFollower00000000000000001", "unsubscribe", null));
		String reply = reply(followed, "Welcome!");
		JsonNode failed = await().atMost(Duration.ofSeconds(20))
			.until(() -> delivery(followed, reply), d -> d.path("status").asString().equals("FAILED"));
		assertThat(failed.path("error").asString()).isEqualTo(WechatDelivery.UNFOLLOWED);
	}

	@Test
	void aFollowersImageIsFetchedFromWechatAndKeptAsTheMessagesAttachment() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 };
		wechat.hasMedia("MEDIA_ID_1", "photo.png", "image/png", png);

		post(image(OPENID, MSG_IDS.incrementAndGet(), "MEDIA_ID_1"));

		JsonNode conversation = assignedChatOf(OPENID);
		JsonNode message = api.get("/api/v1/conversations/" + conversation.path("id").asString()
				+ "/messages?after=0&limit=200", agent).valueStream()
			.filter(m -> m.path("sender").path("type").asString().equals("CONTACT"))
			.findFirst()
			.orElseThrow();
		assertThat(message.path("attachments").get(0).path("name").asString()).isEqualTo("photo.png");
		assertThat(message.path("attachments").get(0).path("contentType").asString()).isEqualTo("image/png");
	}

	@Test
	void theWindowForRepliesClosesWhenTheClockPasses48HoursAfterTheFollowersLastMessage() throws Exception {
		post(text(OPENID, MSG_IDS.incrementAndGet(), "hello"));
		JsonNode conversation = assignedChatOf(OPENID);
		ChannelInstance channel = channels.require(tenant.id(), UUID.fromString(channelId));
		Outbound.Message reply = new Outbound.Message(UUID.fromString(conversation.path("id").asString()),
				UUID.fromString(conversation.path("contactId").asString()), UUID.randomUUID(), 99, ParticipantType.AGENT,
				"Agent 1", "A reply from the future", 0, Instant.now(), null, null);

		deliveryAt(Duration.ofHours(47)).deliver(channel, reply);

		assertThat(sentText("A reply from the future")).isPresent();
		assertThatThrownBy(() -> deliveryAt(Duration.ofHours(49)).deliver(channel, reply))
			.isInstanceOf(DeliveryFailed.class)
			.hasMessage(WechatDelivery.WINDOW_CLOSED);
	}

	@Test
	void aMessageThatCameWhileNobodyCouldTakeAChatIsHeldAndTakenInOnceSomeoneCan() {
		api.status(agent, "OFFLINE");

		Api.Response answer = post(text(OPENID, MSG_IDS.incrementAndGet(), "有人吗？"));
		assertThat(answer.text()).isEqualTo("success");
		assertThat(api.get("/api/v1/conversations?limit=200", admin).size()).isZero();

		api.status(agent, "ONLINE");
		inbound.takeHeld();

		assertThat(texts(assignedChatOf(OPENID), "CONTACT")).containsExactly("有人吗？");
		inbound.takeHeld();
		assertThat(texts(assignedChatOf(OPENID), "CONTACT")).containsExactly("有人吗？");
	}

	@Test
	void anAgentsImageIsUploadedToWechatAndSentAsAnImageMessage() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4 };
		post(text(OPENID, MSG_IDS.incrementAndGet(), "send me the form"));
		JsonNode conversation = assignedChatOf(OPENID);
		String attachment = api.upload("/api/v1/conversations/" + conversation.path("id").asString() + "/attachments",
				agent, "form.png", "image/png", png).body().path("id").asString();

		api.post("/api/v1/conversations/" + conversation.path("id").asString() + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "Here it is.", "attachments",
						List.of(attachment)));

		FakeWechat.Sent image = await().atMost(Duration.ofSeconds(20))
			.until(() -> wechat.sent().stream().filter(s -> s.msgtype().equals("image")).findFirst(),
					Optional::isPresent)
			.orElseThrow();
		assertThat(image.touser()).isEqualTo(OPENID);
		FakeWechat.Media uploaded = wechat.uploaded(image.message().path("image").path("media_id").asString());
		assertThat(uploaded.fileName()).isEqualTo("form.png");
		assertThat(uploaded.content()).isEqualTo(png);
		await().atMost(Duration.ofSeconds(20)).until(() -> sentText("Here it is.").isPresent());
	}

	@Test
	void aFollowersUnionIdLandsOnTheContactWhenWechatHasOne() {
		wechat.hasUnionId("oWithUnion0000000000000001", "o6_bmasdasdsad6_2sgVt7hMZOPfL");

		post(text("oWithUnion0000000000000001", MSG_IDS.incrementAndGet(), "hi"));

		JsonNode conversation = assignedChatOf("oWithUnion0000000000000001");
		JsonNode contact = api.get("/api/v1/contacts/" + conversation.path("contactId").asString(), agent);
		assertThat(contact.path("attributes").path("unionid").asString()).isEqualTo("o6_bmasdasdsad6_2sgVt7hMZOPfL");
	}

	@Test
	void settingsWechatWouldRefuseAreRefusedWhenSavedWithTheirName() {
		Api.Response badToken = api.call("POST", "/api/v1/admin/channels", admin, Map.of("provider", "wechat-mp",
				"name", "x", "configuration", Map.of("appId", APP_ID, "appSecret", SECRET, "token", "a b")));
		Api.Response otherGroup = api.call("POST", "/api/v1/admin/channels", admin, Map.of("provider", "wechat-mp",
				"name", "x", "configuration", Map.of("appId", APP_ID, "appSecret", SECRET, "token", TOKEN, "groupId",
						UUID.randomUUID().toString())));

		assertThat(badToken.status()).isEqualTo(400);
		assertThat(badToken.text()).contains("token");
		assertThat(otherGroup.status()).isEqualTo(400);
		assertThat(otherGroup.text()).contains("groupId");
	}

	@Test
	void testingTheConnectionSaysWhatWechatAnswered() {
		JsonNode good = api.post("/api/v1/admin/channel-checks", admin, Map.of("id", channelId));
		JsonNode bad = api.post("/api/v1/admin/channel-checks", admin, Map.of("provider", "wechat-mp",
				"configuration", Map.of("appId", APP_ID, "appSecret", "wrong", "token", TOKEN, "apiBaseUrl",
						wechat.baseUrl())));

		assertThat(good.path("ok").asBoolean()).isTrue();
		assertThat(bad.path("ok").asBoolean()).isFalse();
		assertThat(bad.path("detail").asString()).contains("errcode 40125").contains("invalid appsecret");
	}

	// --- WeChat's side

	private String channel(Map<String, Object> configuration) {
		return api.post("/api/v1/admin/channels", admin, Map.of("provider", "wechat-mp", "name", "服务号",
				"configuration", configuration)).path("id").asString();
	}

	private String callback(String query) {
		return "/api/v1/channels/" + channelId + "/wechat?" + query;
	}

	/** A plaintext-mode callback, signed as WeChat signs it. */
	private Api.Response post(String xml) {
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		String nonce = Long.toString(System.nanoTime());
		return api.raw("POST", callback("signature=" + CallbackCrypto.signature(TOKEN, timestamp, nonce) + "&timestamp="
				+ timestamp + "&nonce=" + nonce + "&openid=" + OPENID), null, "text/xml", xml);
	}

	private static String text(String openid, long msgId, String content) {
		return "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[" + openid
				+ "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
				+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
				+ "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
	}

	private static String image(String openid, long msgId, String mediaId) {
		return "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[" + openid
				+ "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
				+ "</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://mmbiz.qpic.cn/x]]></PicUrl>"
				+ "<MediaId><![CDATA[" + mediaId + "]]></MediaId><MsgId>" + msgId + "</MsgId></xml>";
	}

	private static String event(String openid, String event, String key) {
		return "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[" + openid
				+ "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
				+ "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>"
				+ (key == null ? "" : "<EventKey><![CDATA[" + key + "]]></EventKey>") + "</xml>";
	}

	/** The channel's sender, on a clock moved this far ahead. */
	private WechatDelivery deliveryAt(Duration ahead) {
		return new WechatDelivery(wechatApi, tokens, followers, customers, files, Clock.offset(clock, ahead));
	}

	private void followerLastWrote(String openid, Instant at) {
		jdbc.sql("UPDATE wechat_follower SET last_message_at = ? WHERE channel_id = ? AND openid = ?")
			.params(SqlTime.of(at), UUID.fromString(channelId), openid)
			.update();
	}

	private Optional<FakeWechat.Sent> sentText(String text) {
		return wechat.sent().stream().filter(s -> s.text().equals(text)).findFirst();
	}

	// --- the desk's side

	/** The follower's chat, once the online agent has it. */
	private JsonNode assignedChatOf(String openid) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/conversations?limit=200", admin)
			.valueStream()
			.filter(c -> api.get("/api/v1/contacts/" + c.path("contactId").asString(), admin).path("attributes")
				.path("openid").asString().equals(openid))
			.filter(c -> c.path("state").asString().equals("ASSIGNED"))
			.findFirst(), Optional::isPresent).orElseThrow();
	}

	private String reply(JsonNode conversation, String text) {
		return api.post("/api/v1/conversations/" + conversation.path("id").asString() + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", text)).path("id").asString();
	}

	/** How the message's delivery went, as the desk shows it on the message. */
	private JsonNode delivery(JsonNode conversation, String messageId) {
		return api.get("/api/v1/conversations/" + conversation.path("id").asString() + "/deliveries", agent)
			.valueStream()
			.filter(d -> d.path("messageId").asString().equals(messageId))
			.findFirst()
			.orElse(Api.json.createObjectNode());
	}

	private List<String> texts(JsonNode conversation, String senderType) {
		return api.get("/api/v1/conversations/" + conversation.path("id").asString() + "/messages?after=0&limit=200",
				admin).valueStream()
			.filter(m -> m.path("sender").path("type").asString().equals(senderType))
			.map(m -> m.path("text").asString())
			.toList();
	}
}
