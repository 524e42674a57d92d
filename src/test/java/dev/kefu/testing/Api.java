package dev.kefu.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON-over-HTTP client for tests against the running server: real requests, real status codes. */
public final class Api {

	public static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();
	private final int port;

	public Api(int port) {
		this.port = port;
	}

	public int port() {
		return port;
	}

	public HttpClient http() {
		return http;
	}

	public String base() {
		return "http://127.0.0.1:" + port;
	}

	/** The status and body of one exchange, whatever the status. */
	public record Response(int status, String contentType, String text) {

		public JsonNode body() {
			return text.isEmpty() ? json.createObjectNode() : json.readTree(text);
		}

		/** The problem-details {@code code} of an error response. */
		public String code() {
			return body().path("code").asString();
		}
	}

	/** A query parameter value, percent-encoded. */
	public static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	public JsonNode get(String path, @Nullable String token) {
		return ok("GET", path, token, null);
	}

	public JsonNode post(String path, @Nullable String token, @Nullable Object body) {
		return ok("POST", path, token, body);
	}

	public JsonNode put(String path, @Nullable String token, @Nullable Object body) {
		return ok("PUT", path, token, body);
	}

	public JsonNode patch(String path, @Nullable String token, @Nullable Object body) {
		return ok("PATCH", path, token, body);
	}

	public JsonNode delete(String path, @Nullable String token) {
		return ok("DELETE", path, token, null);
	}

	/** An exchange expected to succeed (2xx); the failure message carries the server's answer. */
	public JsonNode ok(String method, String path, @Nullable String token, @Nullable Object body) {
		Response response = call(method, path, token, body);
		assertThat(response.status()).as("%s %s answered %s", method, path, response.text()).isBetween(200, 299);
		return response.body();
	}

	/** A JSON exchange; a String body is sent as it is, anything else is serialised. */
	public Response call(String method, String path, @Nullable String token, @Nullable Object body) {
		String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
		return raw(method, path, token, "application/json", text);
	}

	public Response raw(String method, String path, @Nullable String token, @Nullable String contentType,
			@Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
					response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A multipart upload of one file as part {@code file}, whatever the answer. */
	public Response upload(String path, @Nullable String token, String fileName, String contentType, byte[] content) {
		String boundary = "kefu-test-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	/** Logs a staff member in and returns the bearer token. */
	public String login(String username, String password) {
		return post("/api/v1/auth/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
			.path("token")
			.asString();
	}

	/** Sets a staff member's chosen status ({@code ONLINE}, {@code AWAY}, {@code OFFLINE}); answers their load. */
	public JsonNode status(String staffToken, String status) {
		return put("/api/v1/agents/me/status", staffToken, "{\"status\":\"" + status + "\"}");
	}

	/**
	 * A visitor asks for a chat in the organization's default group: the intake's answer, either
	 * {@code conversation} and {@code queue} or {@code unavailable}.
	 */
	public JsonNode startChat(String visitorToken) {
		return post("/api/v1/visitor/conversations", visitorToken, "{}");
	}

	/** A visitor asks for a chat in a given group. */
	public JsonNode startChat(String visitorToken, UUID groupId) {
		return post("/api/v1/visitor/conversations", visitorToken, "{\"groupId\":\"" + groupId + "\"}");
	}

	/** Starts an anonymous visitor session of an organization and returns the visitor token. */
	public String visitor(String organizationSlug) {
		return post("/api/v1/visitor/sessions", null, "{\"organization\":\"" + organizationSlug + "\"}").path("token")
			.asString();
	}
}
