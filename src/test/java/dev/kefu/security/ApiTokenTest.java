package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * An admin's API tokens: shown once, stored hashed, honoured within their scopes and organization, refused once
 * expired or revoked (open event streams included), rate-limited, and their creation and revocation audited.
 */
@ServerTest
@TestPropertySource(properties = { "kefu.api-tokens.per-second=1", "kefu.api-tokens.burst=8" })
class ApiTokenTest {

	static final String PATH = "/api/v1/admin/api-tokens";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

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
	void theSecretIsShownOnceAndOnlyItsHashIsStored() {
		JsonNode created = create("CRM sync", List.of("contacts:read", "conversations:read"), null);
		String secret = created.path("secret").asString();
		String id = created.path("token").path("id").asString();
		assertThat(secret).startsWith("kefu_pat_").hasSize("kefu_pat_".length() + 64);
		assertThat(created.path("token").path("hint").asString())
			.isEqualTo("kefu_pat_…" + secret.substring(secret.length() - 4));

		JsonNode listed = api.get(PATH, admin);
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("name").asString()).isEqualTo("CRM sync");
		assertThat(listed.get(0).path("scopes").toString()).isEqualTo("[\"conversations:read\",\"contacts:read\"]");
		assertThat(listed.get(0).path("createdBy").asString()).isNotBlank();
		assertThat(listed.toString()).doesNotContain(secret.substring(9));
		assertThat(api.get(PATH + "/" + id, admin).toString()).doesNotContain(secret.substring(9));

		Map<String, Object> row = jdbc.sql("SELECT * FROM api_token WHERE id = ?")
			.param(UUID.fromString(id))
			.query()
			.singleRow();
		assertThat(row.values().stream().map(String::valueOf)).noneMatch(value -> value.contains(secret.substring(9)));
		assertThat(row.get("token_hash")).isEqualTo(StaffTokens.hash(secret));
	}

	@Test
	void unknownScopesAndPastExpiriesAreRefused() {
		Api.Response unknown = api.call("POST", PATH, admin, Map.of("name", "x", "scopes", List.of("tickets:delete")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.code()).isEqualTo("invalid-scope");
		Api.Response none = api.call("POST", PATH, admin, Map.of("name", "x", "scopes", List.of()));
		assertThat(none.code()).isEqualTo("invalid-scope");
		Api.Response past = api.call("POST", PATH, admin,
				Map.of("name", "x", "scopes", List.of("tickets:read"), "expiresAt", Instant.now().minusSeconds(5).toString()));
		assertThat(past.code()).isEqualTo("invalid-expiry");
		assertThat(api.get(PATH, admin)).isEmpty();
	}

	@Test
	void aTokenWorksWithinItsScopesAndRecordsWhenItWasUsed() {
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0)).customer("hello");
		JsonNode created = create("reader", List.of("conversations:read", "messages:read"), null);
		String token = created.path("secret").asString();

		assertThat(api.get("/api/v1/conversations/" + chat.id(), token).path("id").asString()).isEqualTo(chat.id());
		assertThat(api.get("/api/v1/conversations/" + chat.id() + "/messages", token).toString()).contains("hello");

		Api.Response write = api.call("POST", "/api/v1/conversations/" + chat.id() + "/messages", token,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "from a token"));
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.code()).isEqualTo("scope-missing");
		Api.Response person = api.call("GET", "/api/v1/agents/me", token, null);
		assertThat(person.status()).isEqualTo(403);
		assertThat(person.code()).isEqualTo("not-for-api-tokens");
		Api.Response tokens = api.call("GET", PATH, token, null);
		assertThat(tokens.code()).isEqualTo("not-for-api-tokens");

		assertThat(api.get(PATH, admin).get(0).path("lastUsedAt").isMissingNode()).isFalse();
	}

	@Test
	void aWritingTokenWritesNotesUnderItsOwnNameButDoesNotSpeakForTheAgent() {
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		String token = create("order bot", List.of("messages:write", "conversations:write", "conversations:read"), null)
			.path("secret")
			.asString();
		JsonNode note = api.ok("POST", "/api/v1/conversations/" + chat.id() + "/notes", token, Map.of("text", "synced"));
		assertThat(note.toString()).contains("API token: order bot");
		assertThat(api.get("/api/v1/conversations/" + chat.id() + "/notes", chat.agentToken()).toString())
			.contains("API token: order bot");
		// Only the assigned agent speaks in a chat: a token is refused cleanly, not given the agent's voice.
		Api.Response reply = api.call("POST", "/api/v1/conversations/" + chat.id() + "/messages", token,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "your parcel left today"));
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.code()).isEqualTo("forbidden");
	}

	@Test
	void aTokenClosesChatsAndTicketsAndReadsTheWholeOrganizationsReports() {
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		api.post("/api/v1/visitor/tickets", chat.visitor(), Map.of("clientMsgId", "t-1", "email", "wang@example.com",
				"subject", "Invoice", "body", "Please send the invoice again"));
		String ticket = api.get("/api/v1/tickets", admin).path(0).path("id").asString();
		String token = create("back office", List.of("conversations:write", "tickets:write", "reports:read"), null)
			.path("secret")
			.asString();

		api.ok("POST", "/api/v1/conversations/" + chat.id() + "/close", token, Map.of("reason", "resolved"));
		assertThat(api.get("/api/v1/conversations/" + chat.id(), admin).path("state").asString()).isEqualTo("CLOSED");
		Api.Response answer = api.call("POST", "/api/v1/tickets/" + ticket + "/answers", token,
				Map.of("clientMsgId", "a-1", "body", "Sent again"));
		assertThat(answer.code()).isEqualTo("not-for-api-tokens");
		api.ok("POST", "/api/v1/tickets/" + ticket + "/close", token, Map.of("note", "invoice resent by the ERP"));
		assertThat(api.get("/api/v1/tickets/" + ticket, admin).path("ticket").path("state").asString()).isEqualTo("CLOSED");
		assertThat(api.call("GET", "/api/v1/reports/kpis", token, null).status()).isEqualTo(200);
	}

	@Test
	void anotherOrganizationsThingsAreNotFound() {
		TestTenant other = TestTenant.create(context, 1, 5);
		ServedChat theirs = ServedChat.start(api, other, other.agentToken(api, 0));
		String token = create("reader", List.of("conversations:read", "messages:read"), null).path("secret").asString();

		assertThat(api.call("GET", "/api/v1/conversations/" + theirs.id(), token, null).status()).isEqualTo(404);
		assertThat(api.call("GET", "/api/v1/conversations/" + theirs.id() + "/messages", token, null).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/conversations", token).toString()).doesNotContain(theirs.id());
	}

	@Test
	void expiredAndRevokedTokensAreUnauthenticated() throws Exception {
		JsonNode shortLived = create("short", List.of("tickets:read"),
				Instant.now().plusSeconds(2).toString());
		String expiring = shortLived.path("secret").asString();
		assertThat(api.call("GET", "/api/v1/tickets", expiring, null).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> api.call("GET", "/api/v1/tickets", expiring, null).status() == 401);

		JsonNode created = create("revoked", List.of("tickets:read"), null);
		String revoked = created.path("secret").asString();
		assertThat(api.call("GET", "/api/v1/tickets", revoked, null).status()).isEqualTo(200);
		api.ok("DELETE", PATH + "/" + created.path("token").path("id").asString(), admin, null);
		assertThat(api.call("GET", "/api/v1/tickets", revoked, null).status()).isEqualTo(401);
		assertThat(api.get(PATH + "/" + created.path("token").path("id").asString(), admin).path("revokedAt").asString())
			.isNotBlank();
	}

	@Test
	void revokingATokenEndsItsOpenEventStream() throws Exception {
		JsonNode created = create("stream", List.of("conversations:read"), null);
		try (EventStream stream = EventStream.open(api, created.path("secret").asString())) {
			assertThat(stream.text()).contains("api-token");
			api.ok("DELETE", PATH + "/" + created.path("token").path("id").asString(), admin, null);
			await().atMost(Duration.ofSeconds(5)).until(stream::ended);
			assertThat(stream.text()).contains("session-ended");
		}
	}

	@Test
	void theWebSocketIsNotForTokens() {
		String token = create("socket", List.of("conversations:read", "messages:write"), null).path("secret").asString();
		try (LiveClient socket = LiveClient.connect(api.http(), port)) {
			socket.send("{\"type\":\"auth\",\"id\":\"a\",\"token\":\"" + token + "\"}");
			assertThat(socket.next("error").path("code").asString()).isEqualTo("not-for-api-tokens");
			socket.send("{\"type\":\"sync\",\"id\":\"s\",\"conversationId\":\"" + UUID.randomUUID() + "\"}");
			assertThat(socket.next("error").path("code").asString()).isEqualTo("unauthenticated");
		}
	}

	@Test
	void aTokenOverItsRateIsToldWhenToRetry() {
		String token = create("busy", List.of("tickets:read"), null).path("secret").asString();
		List<Api.Response> answers = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			answers.add(api.call("GET", "/api/v1/tickets", token, null));
		}
		Api.Response limited = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow();
		assertThat(limited.code()).isEqualTo("rate-limited");
		assertThat(answers.get(0).status()).isEqualTo(200);
		// Another token has a budget of its own.
		String calm = create("calm", List.of("tickets:read"), null).path("secret").asString();
		assertThat(api.call("GET", "/api/v1/tickets", calm, null).status()).isEqualTo(200);
	}

	@Test
	void aLimitedAnswerCarriesRetryAfter() throws Exception {
		String token = create("busy", List.of("tickets:read"), null).path("secret").asString();
		HttpResponse<String> answer = null;
		for (int i = 0; i < 12 && (answer == null || answer.statusCode() != 429); i++) {
			answer = api.http()
				.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/tickets"))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		assertThat(answer.statusCode()).isEqualTo(429);
		assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
	}

	@Test
	void creatingAndRevokingAreAudited() {
		JsonNode created = create("audited", List.of("reports:read"), null);
		String id = created.path("token").path("id").asString();
		api.ok("DELETE", PATH + "/" + id, admin, null);

		JsonNode entries = api.get("/api/v1/admin/audit?action=api-token.", admin).path("entries");
		assertThat(entries).hasSize(2);
		assertThat(entries.get(0).path("action").asString()).isEqualTo("api-token.revoked");
		assertThat(entries.get(1).path("action").asString()).isEqualTo("api-token.created");
		for (JsonNode entry : entries) {
			assertThat(entry.path("target").asString()).isEqualTo("api-token:" + id);
			assertThat(entry.path("sourceAddress").asString()).isEqualTo("127.0.0.1");
			assertThat(entry.path("actorName").asString()).isNotBlank();
			assertThat(entry.path("occurredAt").asString()).isNotBlank();
		}
		assertThat(entries.get(1).path("detail").asString()).contains("audited").contains("reports:read");
		// Agents do not read the audit trail; another organization's admin sees none of it.
		assertThat(api.call("GET", "/api/v1/admin/audit", tenant.agentToken(api, 0), null).status()).isEqualTo(403);
		TestTenant other = TestTenant.create(context, 1, 5);
		assertThat(api.get("/api/v1/admin/audit?action=api-token.", other.adminToken(api)).path("entries")).isEmpty();
	}

	@Test
	void onlyAdminsManageTokensAndOnlyTheirOwnOrganizations() {
		String id = create("mine", List.of("reports:read"), null).path("token").path("id").asString();
		assertThat(api.call("GET", PATH, tenant.agentToken(api, 0), null).status()).isEqualTo(403);
		TestTenant other = TestTenant.create(context, 1, 5);
		String theirAdmin = other.adminToken(api);
		assertThat(api.call("DELETE", PATH + "/" + id, theirAdmin, null).status()).isEqualTo(404);
		assertThat(api.call("GET", PATH + "/" + id, theirAdmin, null).status()).isEqualTo(404);
		assertThat(api.get(PATH + "/" + id, admin).path("revokedAt").isMissingNode()).isTrue();
	}

	private JsonNode create(String name, List<String> scopes, String expiresAt) {
		Map<String, Object> body = expiresAt == null ? Map.of("name", name, "scopes", scopes)
				: Map.of("name", name, "scopes", scopes, "expiresAt", expiresAt);
		return api.ok("POST", PATH, admin, body);
	}

	/** A raw SSE connection, read in the background. */
	static final class EventStream implements AutoCloseable {

		private final StringBuffer text = new StringBuffer();
		private final CompletableFuture<Void> reading;
		private final InputStream body;

		private EventStream(InputStream body) {
			this.body = body;
			this.reading = CompletableFuture.runAsync(() -> {
				try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
					String line;
					while ((line = lines.readLine()) != null) {
						text.append(line).append('\n');
					}
				}
				catch (java.io.IOException closed) {
					// The stream ended; that is what the test waits for.
				}
			});
		}

		static EventStream open(Api api, String token) throws Exception {
			HttpResponse<InputStream> response = api.http()
				.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/events"))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			EventStream stream = new EventStream(response.body());
			await().atMost(Duration.ofSeconds(5)).until(() -> stream.text().contains("\"ready\""));
			return stream;
		}

		boolean ended() {
			return reading.isDone();
		}

		String text() {
			return text.toString();
		}

		@Override
		public void close() throws Exception {
			body.close();
		}
	}
}
