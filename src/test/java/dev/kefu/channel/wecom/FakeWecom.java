package dev.kefu.channel.wecom;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.kefu.channel.callback.CallbackCrypto;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeCom's server for the customer-service API, as far as Kefu uses it, on a random local port: access tokens
 * (gettoken), kf/sync_msg paging through the messages the test makes customers write, kf/send_msg(_on_event),
 * kf/service_state get/trans, media get/upload and kf/account/list, in the formats of WeCom's documentation. It also
 * posts WeCom's encrypted callbacks to Kefu.
 */
final class FakeWecom implements AutoCloseable {

	static final String CORP_ID = "ww6a3f1c2b9d8e7f60";
	static final String SECRET = "kf-secret-8Jq2n5Xw";
	static final String TOKEN = "k3fuCallbackT0ken";
	static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
	static final String OPEN_KFID = "wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q";
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	/** A request Kefu made; {@code refused} if its access token was no longer valid (answered 42001). */
	record Call(String path, Map<String, String> query, JsonNode body, boolean refused) {
	}

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;
	// WeCom's side is sealed by WxJava, an implementation of the scheme independent of Kefu's CallbackCrypto.
	private final WxCryptUtil sealer = new WxCryptUtil(TOKEN, AES_KEY, CORP_ID);
	private final CallbackCrypto crypto = new CallbackCrypto(TOKEN, AES_KEY, CORP_ID);
	private final List<Map<String, Object>> messages = new CopyOnWriteArrayList<>();
	private final List<Call> calls = new CopyOnWriteArrayList<>();
	private final Map<String, Integer> states = new ConcurrentHashMap<>();
	private final Queue<Integer> sendErrors = new ConcurrentLinkedQueue<>();
	private final AtomicInteger tokensIssued = new AtomicInteger();
	private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
	private volatile String validToken = "";
	private volatile int pageSize = 2;
	/** What Kefu answered the last callback (for failure messages). */
	volatile String lastAnswer = "";

	FakeWecom() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/cgi-bin/", this::serve);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** A customer writes text to the account; Kefu learns of it from the next callback. */
	String customerWrites(String externalUserId, String msgId, String text) {
		return add(externalUserId, msgId, "text", Map.of("text", Map.of("content", text)));
	}

	String customerSendsImage(String externalUserId, String msgId) {
		return add(externalUserId, msgId, "image", Map.of("image", Map.of("media_id", "media-" + msgId)));
	}

	/** The customer opens the chat window (an event with a welcome code). */
	void customerEnters(String externalUserId, String welcomeCode) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("event_type", "enter_session");
		event.put("open_kfid", OPEN_KFID);
		event.put("external_userid", externalUserId);
		event.put("scene", "website");
		event.put("welcome_code", welcomeCode);
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("msgid", "event-" + messages.size());
		item.put("open_kfid", OPEN_KFID);
		item.put("send_time", System.currentTimeMillis() / 1000);
		item.put("origin", 4);
		item.put("msgtype", "event");
		item.put("event", event);
		messages.add(item);
	}

	private String add(String user, String msgId, String type, Map<String, Object> content) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("msgid", msgId);
		item.put("open_kfid", OPEN_KFID);
		item.put("external_userid", user);
		item.put("send_time", System.currentTimeMillis() / 1000);
		item.put("origin", 3);
		item.put("msgtype", type);
		item.putAll(content);
		messages.add(item);
		return msgId;
	}

	/** Posts WeCom's callback (news of messages, with a sync token) to Kefu; the HTTP status Kefu answers. */
	int callback(String kefuBase, String channelId) throws Exception {
		return callback(kefuBase, channelId, false);
	}

	int callback(String kefuBase, String channelId, boolean badSignature) throws Exception {
		String plain = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><CreateTime>1733212800</CreateTime>"
				+ "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>"
				+ "<Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token>"
				+ "<OpenKfId><![CDATA[" + OPEN_KFID + "]]></OpenKfId></xml>";
		String encrypted = sealer.encrypt(random(), plain);
		String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		String nonce = "1372623149";
		String signature = crypto.sign(timestamp, nonce, encrypted);
		if (badSignature) {
			signature = crypto.sign(timestamp, "another-nonce", encrypted);
		}
		String body = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><AgentID><![CDATA[]]></AgentID>"
				+ "<Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
		URI uri = URI.create(kefuBase + "/api/v1/channels/" + channelId + "/wecom?msg_signature=" + signature
				+ "&timestamp=" + timestamp + "&nonce=" + nonce);
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "text/xml")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
			lastAnswer = answer.body();
			return answer.statusCode();
		}
	}

	/** WeCom's URL check: Kefu must answer with the decrypted echostr. */
	HttpResponse<String> verifyUrl(String kefuBase, String channelId, String echo) throws Exception {
		String encrypted = sealer.encrypt(random(), echo);
		String timestamp = "1409659589";
		String nonce = "263014780";
		URI uri = URI.create(kefuBase + "/api/v1/channels/" + channelId + "/wecom?msg_signature="
				+ crypto.sign(timestamp, nonce, encrypted) + "&timestamp=" + timestamp + "&nonce=" + nonce + "&echostr="
				+ java.net.URLEncoder.encode(encrypted, StandardCharsets.UTF_8));
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	/** The access token WeCom gave out stops working (it expired early, or was reset): 42001 until a new one. */
	void expireToken() {
		validToken = "";
	}

	/** The next send_msg calls fail with these WeCom error codes, in turn. */
	void failSends(Integer... codes) {
		sendErrors.addAll(List.of(codes));
	}

	void pageSize(int size) {
		pageSize = size;
	}

	/** How often each message (by position and msgid) was handed out by sync_msg. */
	Map<String, Integer> timesServed() {
		Map<String, Integer> times = new LinkedHashMap<>();
		served.forEach((k, v) -> times.put(k, v.get()));
		return times;
	}

	int tokensIssued() {
		return tokensIssued.get();
	}

	int state(String externalUserId) {
		return states.getOrDefault(externalUserId, 0);
	}

	List<Call> allCalls() {
		return List.copyOf(calls);
	}

	List<Call> calls(String path) {
		return calls.stream().filter(c -> c.path().equals(path)).toList();
	}

	private void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		byte[] raw = exchange.getRequestBody().readAllBytes();
		JsonNode body = raw.length > 0 && raw[0] == '{' ? json.readTree(raw) : json.createObjectNode();
		boolean refused = !path.equals("/cgi-bin/gettoken") && !validToken.equals(query.get("access_token"));
		calls.add(new Call(path, query, body, refused));
		if (path.equals("/cgi-bin/gettoken")) {
			if (!CORP_ID.equals(query.get("corpid")) || !SECRET.equals(query.get("corpsecret"))) {
				answer(exchange, Map.of("errcode", 40001, "errmsg", "invalid credential"));
				return;
			}
			validToken = "token-" + tokensIssued.incrementAndGet();
			answer(exchange, Map.of("errcode", 0, "errmsg", "ok", "access_token", validToken, "expires_in", 7200));
			return;
		}
		if (refused) {
			answer(exchange, Map.of("errcode", 42001, "errmsg", "access_token expired"));
			return;
		}
		switch (path) {
			case "/cgi-bin/kf/sync_msg" -> syncMsg(exchange, body);
			case "/cgi-bin/kf/send_msg", "/cgi-bin/kf/send_msg_on_event" -> {
				Integer error = sendErrors.poll();
				if (error != null) {
					answer(exchange, Map.of("errcode", error, "errmsg", error == 95001 ? "send msg count limit"
							: "send msg session status invalid"));
					return;
				}
				answer(exchange, Map.of("errcode", 0, "errmsg", "ok", "msgid", body.path("msgid").asString("")));
			}
			case "/cgi-bin/kf/service_state/get" -> answer(exchange, Map.of("errcode", 0, "errmsg", "ok",
					"service_state", state(body.path("external_userid").asString()), "servicer_userid", ""));
			case "/cgi-bin/kf/service_state/trans" -> {
				states.put(body.path("external_userid").asString(), body.path("service_state").asInt());
				answer(exchange, Map.of("errcode", 0, "errmsg", "ok"));
			}
			case "/cgi-bin/kf/account/list" -> answer(exchange, Map.of("errcode", 0, "errmsg", "ok", "account_list",
					List.of(Map.of("open_kfid", OPEN_KFID, "name", "售后客服", "avatar", "https://example.com/a.png"))));
			case "/cgi-bin/media/get" -> {
				exchange.getResponseHeaders().add("Content-Type", "image/png");
				exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"photo.png\"");
				exchange.sendResponseHeaders(200, PNG.length);
				exchange.getResponseBody().write(PNG);
				exchange.close();
			}
			case "/cgi-bin/media/upload" -> answer(exchange, Map.of("errcode", 0, "errmsg", "ok", "type",
					query.getOrDefault("type", "image"), "media_id", "uploaded-" + calls("/cgi-bin/media/upload").size(),
					"created_at", "1733212800"));
			default -> answer(exchange, Map.of("errcode", 40058, "errmsg", "the fake does not know " + path));
		}
	}

	/** A page of the messages after the cursor; the cursor is the index of the next message, as opaque text. */
	private void syncMsg(HttpExchange exchange, JsonNode body) throws IOException {
		String cursor = body.path("cursor").asString("");
		int from = cursor.isEmpty() ? 0 : Integer.parseInt(cursor.substring("c".length()));
		int to = Math.min(messages.size(), from + Math.min(pageSize, body.path("limit").asInt(1000)));
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("errcode", 0);
		page.put("errmsg", "ok");
		page.put("next_cursor", "c" + to);
		page.put("has_more", to < messages.size() ? 1 : 0);
		List<Map<String, Object>> list = new ArrayList<>();
		for (int i = from; i < to; i++) {
			list.add(messages.get(i));
			served.computeIfAbsent(i + ":" + messages.get(i).get("msgid"), k -> new AtomicInteger()).incrementAndGet();
		}
		page.put("msg_list", list);
		answer(exchange, page);
	}

	private static void answer(HttpExchange exchange, Object body) throws IOException {
		byte[] bytes = json.writeValueAsBytes(body);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return query;
	}

	@Override
	public void close() {
		server.stop(0);
	}

	/** The 16 random characters each envelope begins with. */
	private static String random() {
		return java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}
}
