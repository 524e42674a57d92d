package dev.kefu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Bad input is refused with a clear problem (status, {@code application/problem+json}, a stable {@code code}), never
 * a 500, and what was stored before is all still there afterwards.
 */
@ServerTest
class BadInputTest {

	static final byte[] PNG_HEADER = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Value("${kefu.data-dir}")
	String dataDir;

	Api api;
	TestTenant tenant;
	String agent;
	String visitor;
	String conversation;
	String messages;
	List<String> storedBefore;

	/** A chat with a message and an image in it, which every test checks are still there afterwards. */
	@BeforeEach
	void chatWithAMessageAndAnImage() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 3);
		agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		visitor = api.visitor(tenant.slug());
		conversation = api.startChat(visitor).path("conversation").path("id").asString();
		messages = "/api/v1/conversations/" + conversation + "/messages";
		await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/conversations/mine", agent).size() == 1);
		api.post(messages, visitor, Map.of("clientMsgId", "v-1", "text", "hello"));
		JsonNode image = api.upload("/api/v1/conversations/" + conversation + "/attachments", visitor, "photo.png",
				"image/png", png(1024)).body();
		api.post(messages, visitor, Map.of("clientMsgId", "v-2", "text", "", "attachments", List.of(image.path("id"))));
		storedBefore = stored();
	}

	@Test
	void oversizeMessageIsRefusedOverHttpAndWebSocket() {
		Api.Response http = api.call("POST", messages, visitor, Map.of("clientMsgId", "big", "text", "长".repeat(5001)));
		assertProblem(http, 400, "message-too-long");
		try (LiveClient live = LiveClient.authenticated(api.http(), port, visitor)) {
			live.send(Api.json.writeValueAsString(Map.of("type", "send", "id", "big", "conversationId", conversation,
					"clientMsgId", "big", "text", "长".repeat(5001))));
			assertThat(live.next("error").path("code").asString()).isEqualTo("message-too-long");
			live.send(Api.json.writeValueAsString(Map.of("type", "send", "id", "ok", "conversationId", conversation,
					"clientMsgId", "ok", "text", "长".repeat(5000))));
			assertThat(live.next("ack").path("message").path("text").asString()).hasSize(5000);
		}
		assertThat(stored()).startsWith(storedBefore.toArray(String[]::new)).hasSize(storedBefore.size() + 1);
	}

	@Test
	void malformedJsonIsABadRequestProblemWithACode() {
		assertProblem(api.call("POST", messages, visitor, "{\"clientMsgId\": \"x\", \"text\": "), 400, null);
		assertProblem(api.call("PUT", "/api/v1/agents/me/status", agent, "{\"status\": \"BUSY\"}"), 400, null);
		assertProblem(api.call("POST", messages, visitor, "[1, 2"), 400, null);
		assertThat(stored()).isEqualTo(storedBefore);
	}

	@Test
	void missingRequiredFieldIsABadRequestNotAServerError() {
		assertProblem(api.call("POST", messages, visitor, "{\"text\": \"no client id\"}"), 400, null);
		assertProblem(api.call("PUT", "/api/v1/conversations/" + conversation + "/summary", agent, "{}"), 400, null);
		assertProblem(api.call("POST", "/api/v1/conversations/" + conversation + "/notes", agent, "{}"), 400,
				"invalid-note");
		assertProblem(api.call("POST", "/api/v1/conversations/" + conversation + "/transfer", agent, "{}"), 400,
				"invalid-transfer");
		assertThat(stored()).isEqualTo(storedBefore);
	}

	@Test
	void wrongContentTypeIsAnUnsupportedMediaTypeProblem() {
		assertProblem(api.raw("POST", messages, visitor, "text/plain", "hello"), 415, null);
		assertProblem(api.raw("POST", messages, visitor, "application/x-www-form-urlencoded", "clientMsgId=x&text=y"),
				415, null);
		assertThat(stored()).isEqualTo(storedBefore);
	}

	@Test
	void missingOrForgedTokenIsAnUnauthorizedProblem() {
		assertProblem(api.call("GET", "/api/v1/conversations/mine", null, null), 401, "unauthenticated");
		assertProblem(api.call("GET", messages + "?after=0", "s_forged", null), 401, "unauthenticated");
		assertProblem(api.call("GET", messages + "?after=0", visitor.substring(0, visitor.length() - 2) + "xx", null),
				401, "unauthenticated");
	}

	@Test
	void wrongRoleIsAForbiddenProblem() {
		assertProblem(api.call("GET", "/api/v1/conversations/mine", visitor, null), 403, "forbidden");
		assertProblem(api.call("GET", "/api/v1/conversations/" + conversation + "/transitions", visitor, null), 403,
				"forbidden");
		assertProblem(api.call("GET", "/api/v1/visitor/profile", agent, null), 403, "forbidden");
		assertProblem(api.call("GET", "/api/v1/admin/organization", agent, null), 403, "forbidden");
	}

	@Test
	void invalidIdInThePathIsABadRequestNotAServerError() {
		assertProblem(api.call("GET", "/api/v1/conversations/not-a-uuid", agent, null), 400, "invalid-id");
		assertProblem(api.call("GET", "/api/v1/conversations/not-a-uuid/messages?after=0", visitor, null), 400,
				"invalid-id");
		assertProblem(api.call("GET", "/api/v1/visitor/conversations/12345/queue", visitor, null), 400, "invalid-id");
		assertProblem(api.call("POST", "/api/v1/conversations/%20/close", agent, null), 400, "invalid-id");
		assertProblem(api.call("GET", messages + "?after=abc", visitor, null), 400, null);
	}

	@Test
	void attachmentWhoseContentIsNotWhatItClaimsIsRefused() {
		assertProblem(upload("invoice.pdf", "application/pdf", png(2048)), 415, "content-type-mismatch");
		assertProblem(upload("notes.txt", "text/plain", png(2048)), 415, "content-type-mismatch");
		assertNothingNewStored();
	}

	@Test
	void attachmentOfAForbiddenTypeIsRefused() {
		byte[] executable = new byte[4096];
		executable[0] = 'M';
		executable[1] = 'Z';
		assertProblem(upload("photo.png", "image/png", executable), 415, "unsupported-file-type");
		assertProblem(upload("setup.exe", "application/octet-stream", executable), 415, "unsupported-file-type");
		assertProblem(upload("page.html", "text/html", "<script>alert(1)</script>".getBytes()), 415,
				"unsupported-file-type");
		assertNothingNewStored();
	}

	@Test
	void attachmentOverTheSizeLimitIsRefusedAndOneUnderItIsAccepted() {
		assertProblem(upload("huge.png", "image/png", png(10 * 1024 * 1024 + 1)), 413, "file-too-large");
		assertNothingNewStored();

		Api.Response large = upload("large.png", "image/png", png(3 * 1024 * 1024));
		assertThat(large.status()).as(large.text()).isEqualTo(201);
		assertThat(large.body().path("size").asLong()).isEqualTo(3 * 1024 * 1024);
	}

	@Test
	void openApiDescriptionListsTheVisitorIntake() {
		JsonNode docs = api.get("/v3/api-docs", null);
		assertThat(docs.path("openapi").asString()).startsWith("3.");
		assertThat(docs.path("paths").has("/api/v1/visitor/conversations")).isTrue();
		assertThat(docs.path("paths").path("/api/v1/visitor/conversations").has("post")).isTrue();
	}

	private Api.Response upload(String name, String type, byte[] content) {
		return api.upload("/api/v1/conversations/" + conversation + "/attachments", visitor, name, type, content);
	}

	private static byte[] png(int size) {
		return Arrays.copyOf(PNG_HEADER, size);
	}

	private static void assertProblem(Api.Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (code == null) {
			assertThat(response.code()).as("code of %s", response.text()).isNotBlank();
		}
		else {
			assertThat(response.code()).as(response.text()).isEqualTo(code);
		}
	}

	/** The conversation's messages as "seq:client id:text" with attachment sizes, and the image's bytes intact. */
	private List<String> stored() {
		return api.get(messages + "?after=0", agent).valueStream().map(m -> {
			StringBuilder line = new StringBuilder(m.path("seq").asLong() + ":" + m.path("clientMsgId").asString() + ":"
					+ m.path("text").asString());
			for (JsonNode attachment : m.path("attachments")) {
				line.append(" [").append(attachment.path("name").asString()).append(' ').append(download(attachment))
					.append(" bytes]");
			}
			return line.toString();
		}).toList();
	}

	private int download(JsonNode attachment) {
		try {
			HttpResponse<byte[]> file = api.http()
				.send(HttpRequest.newBuilder(URI.create(api.base() + attachment.path("url").asString())).build(),
						HttpResponse.BodyHandlers.ofByteArray());
			assertThat(file.statusCode()).isEqualTo(200);
			return file.body().length;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Only the image from the set-up is stored: refused uploads leave no file and no message behind. */
	private void assertNothingNewStored() {
		assertThat(stored()).isEqualTo(storedBefore);
		Path folder = Path.of(dataDir, "attachments", tenant.id().toString(), conversation);
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.toList()).hasSize(1);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
