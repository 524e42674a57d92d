package dev.kefu;

import static dev.kefu.HostileInputTest.LONE_SURROGATE;
import static dev.kefu.HostileInputTest.MEGABYTE;
import static dev.kefu.HostileInputTest.NUL;
import static dev.kefu.HostileInputTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.channel.callback.CallbackCrypto;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/**
 * What an outsider can send to the channels' doors: WeChat's and WeCom's callbacks (public, proved only by their
 * signatures), a visitor's call-back request and an admin's connection check. Lone surrogates, NULs, a megabyte,
 * the wrong JSON types, XML with a DOCTYPE or entities, an empty body: each is a clear 4xx problem, never a 5xx, and
 * nothing of it is stored. Signed callbacks are signed properly here, so that the poison reaches the parser and the
 * intake, not just the signature check.
 */
@ServerTest
class HostileChannelInputTest {

	static final String WECHAT_TOKEN = "poisontoken";
	static final String WECOM_TOKEN = "poisonWecomToken";
	static final String WECOM_CORP = "ww0123456789abcdef";
	static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
	static final String OPENID = "oPoison0000000000000000000000";
	/** Nothing listens there: a channel that tries to call out fails at once. */
	static final String NOWHERE = "http://127.0.0.1:9";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;

	@BeforeEach
	void organization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
	}

	@Test
	void wechatCallbackRefusesPoisonAndStoresNothing() throws Exception {
		String channel = api.post("/api/v1/admin/channels", admin, Map.of("provider", "wechat-mp", "name", "公众号",
				"configuration", Map.of("appId", "wx0123456789abcdef", "appSecret", "0123456789abcdef0123456789abcdef",
						"token", WECHAT_TOKEN, "apiBaseUrl", NOWHERE)))
			.path("id")
			.asString();
		String path = "/api/v1/channels/" + channel + "/wechat?" + wechatSignature();

		assertProblem(api.raw("POST", path, null, "text/xml", null), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", ""), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", "   "), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", "<xml><Content>" + MEGABYTE + "</Content></xml>"), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", text("a\u0000b")), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", text("a&#0;b")), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", text("a&#xD800;b")), 400);
		assertProblem(bytes("POST", path, "text/xml", text("\u0000"), LONE_SURROGATE_UTF8), 400);
		assertProblem(api.raw("POST", path, null, "text/xml",
				"<?xml version=\"1.1\"?>" + text("bell &#7; and escape &#27;")), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", """
				<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
				""" + text("&b;")), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", """
				<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>""" + text("&x;")), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", "{\"MsgType\": \"text\", \"Content\": \"json\"}"), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", "<xml><FromUserName>" + OPENID + "</FromUserName>"), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", "<xml><MsgType>text</MsgType></xml>"), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", text("x").replace("<MsgId>1</MsgId>",
				"<MsgId>" + "9".repeat(3000) + "</MsgId>")), 400);
		assertProblem(api.raw("POST", path, null, "text/xml", text("x").replace(OPENID, "o".repeat(3000))), 400);

		assertThat(api.get("/api/v1/contacts?size=100", admin).path("items")).as("nobody was taken in").isEmpty();

		// A CreateTime no clock can show counts as now, as one that is no number does: never a server error.
		assertThat(api.raw("POST", path, null, "text/xml", text("late").replace(
				"<CreateTime>" + Instant.now().getEpochSecond(), "<CreateTime>9223372036854775807")).status())
			.isLessThan(500);
	}

	@Test
	void wecomCallbackRefusesPoisonAndStoresNothing() throws Exception {
		String channel = api.post("/api/v1/admin/channels", admin, Map.of("provider", "wecom-kf", "name", "微信客服",
				"configuration", Map.of("corpId", WECOM_CORP, "secret", "kf-secret", "token", WECOM_TOKEN,
						"encodingAESKey", AES_KEY, "openKfid", "wkPoison", "apiBaseUrl", NOWHERE)))
			.path("id")
			.asString();
		String base = "/api/v1/channels/" + channel + "/wecom";
		CallbackCrypto crypto = new CallbackCrypto(WECOM_TOKEN, AES_KEY, WECOM_CORP);

		// The outer XML is read before its signature is checked.
		String anySignature = base + "?msg_signature=0&timestamp=1&nonce=2";
		assertProblem(api.raw("POST", anySignature, null, "text/xml", null), 400);
		assertProblem(api.raw("POST", anySignature, null, "text/xml", ""), 400);
		assertProblem(api.raw("POST", anySignature, null, "text/xml", "<xml><Encrypt>" + MEGABYTE + "</Encrypt></xml>"),
				400);
		assertProblem(api.raw("POST", anySignature, null, "text/xml", "<xml><Encrypt>a\u0000b</Encrypt></xml>"), 400);
		assertProblem(bytes("POST", anySignature, "text/xml", "<xml><Encrypt>\u0000</Encrypt></xml>",
				LONE_SURROGATE_UTF8), 400);
		assertProblem(api.raw("POST", anySignature, null, "text/xml",
				"<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>"), 400);
		assertProblem(api.raw("POST", anySignature, null, "text/xml", "<xml><ToUserName>x</ToUserName></xml>"), 400);
		assertProblem(api.raw("POST", anySignature, null, "text/xml", "{\"Encrypt\": 5}"), 400);
		assertProblem(api.raw("POST", base, null, "text/xml", "<xml><Encrypt>abc</Encrypt></xml>"), 400);
		// Signed but no envelope: not base64, too short, empty once decrypted.
		for (String ciphertext : List.of("not base64!", "AAAA", "A".repeat(44), "")) {
			String body = "<xml><Encrypt>" + ciphertext + "</Encrypt></xml>";
			int status = api.raw("POST", base + "?msg_signature=" + crypto.sign("1", "2", ciphertext)
					+ "&timestamp=1&nonce=2", null, "text/xml", body).status();
			assertThat(status).as(ciphertext).isBetween(400, 403);
		}
		// Signed and sealed, with poison inside.
		for (String inner : List.of("", "not xml", "<xml><Event>kf_msg_or_event</Event>",
				"<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Event>&x;</Event></xml>",
				"<xml><Event>kf_msg_or_event\u0000</Event></xml>", "<xml><Event>" + "x".repeat(70_000) + "</Event></xml>",
				"<?xml version=\"1.1\"?><xml><Event>kf_msg_or_event</Event><Token>&#1;</Token></xml>")) {
			String sealed = crypto.seal(inner);
			Api.Response answer = api.raw("POST", base + "?msg_signature=" + crypto.sign("1", "2", sealed)
					+ "&timestamp=1&nonce=2", null, "text/xml", "<xml><Encrypt>" + sealed + "</Encrypt></xml>");
			assertProblem(answer, 400);
		}
		// WeCom's URL check, with poison.
		assertProblem(api.raw("GET", base + "?msg_signature=0&timestamp=1&nonce=2&echostr=%00", null, null, null), 400);
		assertProblem(api.raw("GET", base + "?msg_signature=0&timestamp=1&nonce=2&echostr=a%ED%A0%80b", null, null, null),
				400);
		assertProblem(api.raw("GET", base + "?timestamp=1&nonce=2&echostr=abc", null, null, null), 400);
		assertProblem(api.raw("GET", base + "?msg_signature=0&timestamp=1&nonce=2&echostr=" + "A".repeat(7000), null,
				null, null), 403);

		assertThat(api.get("/api/v1/contacts?size=100", admin).path("items")).as("nobody was taken in").isEmpty();
	}

	@Test
	void visitorCallbackRequestRefusesPoisonAndStoresNothing() throws Exception {
		String visitor = api.visitor(tenant.slug());
		String path = "/api/v1/visitor/callbacks";
		String request = "{\"clientMsgId\": \"cb-1\", \"phone\": %s, \"name\": %s, \"note\": %s}";

		assertProblem(api.call("POST", path, visitor, request.formatted(LONE_SURROGATE, "\"Li\"", "null")), 400);
		assertProblem(api.call("POST", path, visitor, request.formatted("\"13800138000\"", NUL, "null")), 400);
		assertProblem(api.call("POST", path, visitor, request.formatted("\"13800138000\"", "\"Li\"", LONE_SURROGATE)),
				400);
		assertProblem(api.call("POST", path, visitor,
				request.formatted("\"13800138000\"", "\"Li\"", "\"" + MEGABYTE + "\"")), 400);
		assertProblem(api.call("POST", path, visitor, request.formatted("\"" + MEGABYTE + "\"", "null", "null")), 400);
		assertProblem(api.call("POST", path, visitor, request.formatted("[\"13800138000\"]", "\"Li\"", "null")), 400);
		assertProblem(api.call("POST", path, visitor, request.formatted("\"13800138000\"", "{\"first\": 1}", "null")),
				400);
		assertProblem(api.call("POST", path, visitor,
				"{\"clientMsgId\": \"cb-1\", \"phone\": \"13800138000\", \"from\": \"tomorrow\"}"), 400);
		assertProblem(api.call("POST", path, visitor,
				"{\"clientMsgId\": \"cb-1\", \"phone\": \"13800138000\", \"from\": 1e300}"), 400);
		assertProblem(api.call("POST", path, visitor,
				"{\"clientMsgId\": \"cb-1\", \"phone\": \"13800138000\", \"groupId\": \"group\"}"), 400);
		assertProblem(api.call("POST", path, visitor, "{\"clientMsgId\": " + NUL + ", \"phone\": \"13800138000\"}"), 400);
		assertProblem(api.call("POST", path, visitor, "{\"clientMsgId\": {}, \"phone\": \"13800138000\"}"), 400);
		assertProblem(api.call("POST", path, visitor, "{\"phone\": \"13800138000\"}"), 400);
		assertProblem(api.call("POST", path, visitor, ""), 400);
		assertProblem(api.call("POST", path, visitor, "[]"), 400);
		assertProblem(api.raw("POST", path, visitor, "application/json", "<xml/>"), 400);
		assertProblem(bytes("POST", path, "application/json", visitor,
				"{\"clientMsgId\": \"cb-1\", \"phone\": \"13800138000\", \"name\": \"\u0000\"}", LONE_SURROGATE_UTF8), 400);

		assertThat(api.get("/api/v1/visitor/tickets", visitor)).as("nothing was kept").isEmpty();
	}

	@Test
	void connectionCheckRefusesPoisonWithoutCallingOut() throws Exception {
		String path = "/api/v1/admin/channel-checks";
		String check = "{\"provider\": %s, \"configuration\": %s}";
		String wechat = "{\"appId\": %s, \"appSecret\": \"0123456789abcdef0123456789abcdef\", \"token\": \"t0ken\", "
				+ "\"apiBaseUrl\": \"" + NOWHERE + "\"}";

		assertProblem(api.call("POST", path, admin, check.formatted(LONE_SURROGATE, "{}")), 400);
		assertProblem(api.call("POST", path, admin, check.formatted(NUL, "{}")), 400);
		assertProblem(api.call("POST", path, admin, check.formatted("\"" + MEGABYTE + "\"", "{}")), 400);
		assertProblem(api.call("POST", path, admin, check.formatted("\"no-such-provider\"", "{}")), 400);
		assertProblem(api.call("POST", path, admin, check.formatted("5", "{}")), 400);
		assertProblem(api.call("POST", path, admin, check.formatted("\"wechat-mp\"", "\"appId=wx\"")), 400);
		assertProblem(api.call("POST", path, admin, check.formatted("\"wechat-mp\"", "[]")), 400);
		assertProblem(api.call("POST", path, admin, check.formatted("\"wechat-mp\"", wechat.formatted(LONE_SURROGATE))),
				400);
		assertProblem(api.call("POST", path, admin, check.formatted("\"wechat-mp\"", wechat.formatted(NUL))), 400);
		assertProblem(api.call("POST", path, admin,
				check.formatted("\"wechat-mp\"", wechat.formatted("\"" + MEGABYTE + "\""))), 400);
		assertProblem(api.call("POST", path, admin, check.formatted("\"wechat-mp\"", wechat.formatted("[\"wx\"]"))), 400);
		assertProblem(api.call("POST", path, admin, check.formatted("\"wechat-mp\"", wechat.formatted("{\"a\": 1}"))),
				400);
		assertProblem(api.call("POST", path, admin, check.formatted("\"wechat-mp\"",
				wechat.formatted("\"wx0123456789abcdef\"").replace(NOWHERE, "javascript:alert(1)"))), 400);
		assertProblem(api.call("POST", path, admin, check.formatted("\"wecom-kf\"",
				"{\"corpId\": \"ww1\", \"secret\": \"s\", \"token\": \"t\", \"encodingAESKey\": \"short\", "
						+ "\"openKfid\": \"wk\", \"apiBaseUrl\": \"" + NOWHERE + "\"}")), 400);
		assertProblem(api.call("POST", path, admin, "{\"id\": \"not-a-uuid\"}"), 400);
		assertProblem(api.call("POST", path, admin, "{\"id\": \"" + java.util.UUID.randomUUID() + "\"}"), 404);
		assertProblem(api.call("POST", path, admin, ""), 400);
		assertProblem(api.call("POST", path, admin, "null"), 400);
		assertProblem(api.raw("POST", path, admin, "application/json", "<xml/>"), 400);
		assertProblem(bytes("POST", path, "application/json", admin,
				check.formatted("\"wechat-mp\"", wechat.formatted("\"\u0000\"")), LONE_SURROGATE_UTF8), 400);

		assertThat(api.get("/api/v1/admin/channels", admin).valueStream()
			.filter(c -> !c.path("provider").asString().equals("web"))).as("a check saves nothing").isEmpty();
	}

	/** A lone high surrogate as UTF-8 would write it if it could: bytes no decoder accepts. */
	static final byte[] LONE_SURROGATE_UTF8 = { (byte) 0xED, (byte) 0xA0, (byte) 0x80 };

	private Api.Response bytes(String method, String path, String contentType, String body, byte[] inPlaceOfNul)
			throws IOException, InterruptedException {
		return bytes(method, path, contentType, null, body, inPlaceOfNul);
	}

	/** {@code body} in UTF-8 with its NUL replaced by raw bytes, to send what no Java string can. */
	private Api.Response bytes(String method, String path, String contentType, String token, String body,
			byte[] inPlaceOfNul) throws IOException, InterruptedException {
		byte[] text = body.getBytes(StandardCharsets.UTF_8);
		int at = body.indexOf('\u0000');
		byte[] sent = new byte[text.length - 1 + inPlaceOfNul.length];
		System.arraycopy(text, 0, sent, 0, at);
		System.arraycopy(inPlaceOfNul, 0, sent, at, inPlaceOfNul.length);
		System.arraycopy(text, at + 1, sent, at + inPlaceOfNul.length, text.length - at - 1);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
			.method(method, HttpRequest.BodyPublishers.ofByteArray(sent))
			.header("Content-Type", contentType);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = api.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Api.Response(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
				response.body());
	}

	private static String wechatSignature() {
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		return "signature=" + CallbackCrypto.signature(WECHAT_TOKEN, timestamp, "n1") + "&timestamp=" + timestamp
				+ "&nonce=n1&openid=" + OPENID;
	}

	private static String text(String content) {
		return "<xml><ToUserName><![CDATA[gh_poison]]></ToUserName><FromUserName><![CDATA[" + OPENID
				+ "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
				+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>" + content + "</Content><MsgId>1</MsgId></xml>";
	}
}
