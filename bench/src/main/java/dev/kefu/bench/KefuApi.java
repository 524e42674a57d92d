package dev.kefu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few HTTP calls of protocol v1 the bench needs (docs/protocol.md). */
final class KefuApi {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;
	private final String base;

	KefuApi(HttpClient http, String base) {
		this.http = http;
		this.base = base;
	}

	record Identity(String token, String id) {
	}

	/** A new visitor (a new contact) of the demo organization. */
	CompletableFuture<Identity> newVisitor(String organization) {
		return post("/api/v1/visitor/sessions", null, "{\"organization\":\"" + organization + "\"}")
			.thenApply(r -> {
				JsonNode body = ok(r);
				return new Identity(body.path("token").asString(), body.path("contact").path("id").asString());
			});
	}

	/** Logs in as a person would: when Kefu answers that too many logins are being checked, again a moment later. */
	Identity login(String username, String password) {
		String credentials = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
		HttpResponse<String> answer = post("/api/v1/auth/login", null, credentials).join();
		for (int attempt = 0; answer.statusCode() == 503 && attempt < 50; attempt++) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			answer = post("/api/v1/auth/login", null, credentials).join();
		}
		JsonNode body = ok(answer);
		return new Identity(body.path("token").asString(), body.path("user").path("id").asString());
	}

	/** Asks for a chat; the answer says QUEUED (assignment follows by push) or why not. */
	CompletableFuture<HttpResponse<String>> startChat(String visitorToken) {
		return post("/api/v1/visitor/conversations", visitorToken, "{\"channel\":\"web\"}");
	}

	/** The visitor ends their chat (the widget's "end chat"). */
	CompletableFuture<HttpResponse<String>> endChat(String visitorToken, String conversationId) {
		return post("/api/v1/visitor/conversations/" + conversationId + "/end", visitorToken, "{}");
	}

	private CompletableFuture<HttpResponse<String>> post(String path, String token, String body) {
		return send("POST", path, token, body);
	}

	/** Any JSON call, for the setup steps of a scenario. */
	CompletableFuture<HttpResponse<String>> send(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("content-type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("authorization", "Bearer " + token);
		}
		return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode ok(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return JSON.readTree(response.body());
	}

	static String quote(String s) {
		return JSON.writeValueAsString(s);
	}
}
