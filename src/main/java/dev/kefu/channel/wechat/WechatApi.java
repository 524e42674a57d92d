package dev.kefu.channel.wechat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls of WeChat's Official Account API the channel makes, as its documents define them: the access token
 * ({@code cgi-bin/token}), a customer-service message ({@code message/custom/send}), temporary media up and down
 * ({@code media/upload}, {@code media/get}) and a follower's UnionID ({@code user/info}). Every call goes to the channel's API base URL, so tests and private
 * proxies can stand in for {@code api.weixin.qq.com}. A non-zero {@code errcode} is a {@link WechatError}; a network
 * failure an {@link IOException}.
 */
@Component
class WechatApi {

	static final String DEFAULT_BASE = "https://api.weixin.qq.com";

	/** The largest file taken from WeChat: its own limit for temporary images and voice is far below. */
	static final int MAX_MEDIA = 20 * 1024 * 1024;

	private static final Pattern FILE_NAME = Pattern.compile("filename\\*?=\"?(?:UTF-8'')?([^\";]+)\"?");

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final JsonMapper json;

	WechatApi(JsonMapper json) {
		this.json = json;
	}

	record Token(String value, long expiresInSeconds) {
	}

	record Media(String fileName, String contentType, byte[] content) {
	}

	Token token(String base, String appId, String secret) throws IOException, InterruptedException {
		JsonNode answer = call("cgi-bin/token", HttpRequest.newBuilder(uri(base, "/cgi-bin/token?grant_type=client_credential&appid="
				+ encode(appId) + "&secret=" + encode(secret))).GET());
		String token = answer.path("access_token").asString("");
		if (token.isEmpty()) {
			throw new WechatError("cgi-bin/token", -1, "no access_token in the answer");
		}
		return new Token(token, answer.path("expires_in").asLong(7200));
	}

	void sendText(String base, String token, String openid, String text) throws IOException, InterruptedException {
		send(base, token, Map.of("touser", openid, "msgtype", "text", "text", Map.of("content", text)));
	}

	void sendImage(String base, String token, String openid, String mediaId) throws IOException, InterruptedException {
		send(base, token, Map.of("touser", openid, "msgtype", "image", "image", Map.of("media_id", mediaId)));
	}

	/** Uploads an image as temporary media (kept 3 days by WeChat) and answers its media_id. */
	String uploadImage(String base, String token, String fileName, String contentType, byte[] content)
			throws IOException, InterruptedException {
		String boundary = "kefu-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String safeName = fileName.replaceAll("[\"\\r\\n]", "_");
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"" + safeName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		JsonNode answer = call("media/upload", HttpRequest.newBuilder(uri(base,
				"/cgi-bin/media/upload?access_token=" + encode(token) + "&type=image"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		String mediaId = answer.path("media_id").asString("");
		if (mediaId.isEmpty()) {
			throw new WechatError("media/upload", -1, "no media_id in the answer");
		}
		return mediaId;
	}

	/**
	 * The follower's UnionID (the same person across the company's accounts and apps), which WeChat gives only when
	 * the account is bound to an Open Platform account; null otherwise.
	 */
	@Nullable
	String unionId(String base, String token, String openid) throws IOException, InterruptedException {
		JsonNode answer = call("user/info", HttpRequest.newBuilder(uri(base,
				"/cgi-bin/user/info?access_token=" + encode(token) + "&openid=" + encode(openid) + "&lang=zh_CN")).GET());
		String unionId = answer.path("unionid").asString("");
		return unionId.isEmpty() ? null : unionId;
	}

	/** A follower's image or voice, by the media id their message carried. */
	Media download(String base, String token, String mediaId) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri(base,
				"/cgi-bin/media/get?access_token=" + encode(token) + "&media_id=" + encode(mediaId)))
			.timeout(Duration.ofSeconds(20))
			.GET()
			.build();
		HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		byte[] content;
		try (InputStream in = response.body()) {
			content = in.readNBytes(MAX_MEDIA + 1);
		}
		String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
		if (response.statusCode() != 200) {
			throw new IOException("media/get answered HTTP " + response.statusCode());
		}
		if (type.startsWith("application/json") || type.startsWith("text/plain")) {
			// WeChat answers errors (and nothing else) as JSON.
			errors("media/get", json.readTree(content));
			throw new WechatError("media/get", -1, "a JSON answer instead of the file");
		}
		if (content.length > MAX_MEDIA) {
			throw new IOException("media/get: the file is larger than " + MAX_MEDIA + " bytes");
		}
		String disposition = response.headers().firstValue("Content-Disposition").orElse("");
		Matcher name = FILE_NAME.matcher(disposition);
		String fileName = name.find() ? name.group(1) : mediaId;
		return new Media(fileName, type.split(";")[0].strip(), content);
	}

	private void send(String base, String token, Map<String, Object> message) throws IOException, InterruptedException {
		call("message/custom/send", HttpRequest.newBuilder(uri(base,
				"/cgi-bin/message/custom/send?access_token=" + encode(token)))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(message))));
	}

	private JsonNode call(String name, HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IOException(name + " answered HTTP " + response.statusCode());
		}
		JsonNode answer;
		try {
			answer = json.readTree(response.body());
		}
		catch (RuntimeException e) {
			throw new IOException(name + " answered something that is not JSON", e);
		}
		errors(name, answer);
		return answer;
	}

	private static void errors(String name, JsonNode answer) {
		int errcode = answer.path("errcode").asInt(0);
		if (errcode != 0) {
			throw new WechatError(name, errcode, answer.path("errmsg").asString(""));
		}
	}

	private static URI uri(String base, String pathAndQuery) {
		String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		return URI.create(root + pathAndQuery);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
