package dev.kefu.channel.wechat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's API server, faked: a real HTTP server on a random local port answering the calls of the Official Account
 * API as its documents define them. {@code GET /cgi-bin/token} hands out numbered tokens for one AppID and secret;
 * {@code POST /cgi-bin/message/custom/send} keeps what it gets (errcode 40001 for a token it did not hand out or has
 * retired); {@code media/upload} and {@code media/get} keep and give out files. Errors can be scripted.
 */
final class FakeWechat implements AutoCloseable {

	/** A customer-service message as WeChat got it, with the token it came with. */
	record Sent(String accessToken, JsonNode message) {

		String touser() {
			return message.path("touser").asString();
		}

		String msgtype() {
			return message.path("msgtype").asString();
		}

		String text() {
			return message.path("text").path("content").asString();
		}
	}

	record Media(String fileName, String contentType, byte[] content) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;
	private final String appId;
	private final String secret;
	private final AtomicInteger tokensIssued = new AtomicInteger();
	private volatile String currentToken = "";
	private final List<Sent> sent = new CopyOnWriteArrayList<>();
	private final Map<String, Media> media = new ConcurrentHashMap<>();
	private final AtomicInteger uploads = new AtomicInteger();
	private final Map<String, String> unionIds = new ConcurrentHashMap<>();
	private volatile int expireNextSends;
	private volatile int sendErrcode;
	private volatile String sendErrmsg = "";

	FakeWechat(String appId, String secret) throws IOException {
		this.appId = appId;
		this.secret = secret;
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/cgi-bin/token", this::token);
		server.createContext("/cgi-bin/message/custom/send", this::customSend);
		server.createContext("/cgi-bin/media/upload", this::upload);
		server.createContext("/cgi-bin/media/get", this::download);
		server.createContext("/cgi-bin/user/info", this::userInfo);
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	int tokensIssued() {
		return tokensIssued.get();
	}

	List<Sent> sent() {
		return List.copyOf(sent);
	}

	/** A follower's file that {@code media/get} gives out under this media id. */
	void hasMedia(String mediaId, String fileName, String contentType, byte[] content) {
		media.put(mediaId, new Media(fileName, contentType, content));
	}

	/** The account is bound to an Open Platform account, and this follower has this UnionID there. */
	void hasUnionId(String openid, String unionId) {
		unionIds.put(openid, unionId);
	}

	/** A file Kefu uploaded, by the media id it was given. */
	Media uploaded(String mediaId) {
		return media.get(mediaId);
	}

	/** The next send finds the token expired (errcode 42001), as when WeChat retires a token early. */
	void expireTokenAtNextSend() {
		expireNextSends = 1;
	}

	/** Every send from now on is refused with this errcode (0: accepted again). */
	void refuseSends(int errcode, String errmsg) {
		sendErrcode = errcode;
		sendErrmsg = errmsg;
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange);
		if (!appId.equals(query.get("appid"))) {
			json(exchange, Map.of("errcode", 40013, "errmsg", "invalid appid"));
		}
		else if (!secret.equals(query.get("secret"))) {
			json(exchange, Map.of("errcode", 40125, "errmsg", "invalid appsecret"));
		}
		else {
			currentToken = "ACCESS_TOKEN_" + tokensIssued.incrementAndGet();
			json(exchange, Map.of("access_token", currentToken, "expires_in", 7200));
		}
	}

	private void customSend(HttpExchange exchange) throws IOException {
		String token = query(exchange).getOrDefault("access_token", "");
		JsonNode message = JSON.readTree(exchange.getRequestBody().readAllBytes());
		if (!token.equals(currentToken)) {
			json(exchange, Map.of("errcode", 40001, "errmsg", "invalid credential, access_token is invalid or not latest"));
			return;
		}
		if (expireNextSends > 0) {
			expireNextSends--;
			currentToken = "";
			json(exchange, Map.of("errcode", 42001, "errmsg", "access_token expired"));
			return;
		}
		if (sendErrcode != 0) {
			json(exchange, Map.of("errcode", sendErrcode, "errmsg", sendErrmsg));
			return;
		}
		sent.add(new Sent(token, message));
		json(exchange, Map.of("errcode", 0, "errmsg", "ok"));
	}

	private void upload(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange);
		if (!currentToken.equals(query.get("access_token"))) {
			json(exchange, Map.of("errcode", 40001, "errmsg", "invalid credential"));
			return;
		}
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
		byte[] body = exchange.getRequestBody().readAllBytes();
		// One part, named "media": its headers end at the first blank line, its bytes at the closing boundary.
		String head = new String(body, 0, Math.min(body.length, 1000), StandardCharsets.ISO_8859_1);
		int start = head.indexOf("\r\n\r\n") + 4;
		byte[] tail = ("\r\n--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1);
		byte[] content = Arrays.copyOfRange(body, start, body.length - tail.length - 2);
		String fileName = head.replaceAll("(?s).*filename=\"([^\"]*)\".*", "$1");
		String partType = head.replaceAll("(?s).*Content-Type: ([^\r\n]*).*", "$1");
		String mediaId = "UPLOADED_" + uploads.incrementAndGet();
		media.put(mediaId, new Media(fileName, partType, content));
		json(exchange, Map.of("type", query.get("type"), "media_id", mediaId, "created_at", 1_700_000_000));
	}

	private void userInfo(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange);
		if (!currentToken.equals(query.get("access_token"))) {
			json(exchange, Map.of("errcode", 40001, "errmsg", "invalid credential"));
			return;
		}
		String openid = query.getOrDefault("openid", "");
		Map<String, Object> user = new LinkedHashMap<>(Map.of("subscribe", 1, "openid", openid, "language", "zh_CN",
				"subscribe_time", 1_700_000_000, "subscribe_scene", "ADD_SCENE_QR_CODE"));
		if (unionIds.containsKey(openid)) {
			user.put("unionid", unionIds.get(openid));
		}
		json(exchange, user);
	}

	private void download(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange);
		Media file = media.get(query.getOrDefault("media_id", ""));
		if (!currentToken.equals(query.get("access_token"))) {
			json(exchange, Map.of("errcode", 40001, "errmsg", "invalid credential"));
		}
		else if (file == null) {
			json(exchange, Map.of("errcode", 40007, "errmsg", "invalid media_id"));
		}
		else {
			exchange.getResponseHeaders().add("Content-Type", file.contentType());
			exchange.getResponseHeaders().add("Content-disposition", "attachment; filename=\"" + file.fileName() + "\"");
			exchange.sendResponseHeaders(200, file.content().length);
			exchange.getResponseBody().write(file.content());
			exchange.close();
		}
	}

	private static void json(HttpExchange exchange, Map<String, Object> answer) throws IOException {
		byte[] body = JSON.writeValueAsBytes(answer);
		exchange.getResponseHeaders().add("Content-Type", "application/json; encoding=utf-8");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> query = new LinkedHashMap<>();
		String raw = URI.create(exchange.getRequestURI().toString()).getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
						eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
