package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * One organization can never reach another's data: every foreign id answers 404 exactly like an id that does not
 * exist (never 403, which would confirm it exists), over HTTP and over the WebSocket.
 */
@ServerTest
class TenantIsolationTest {

	static final String SECRET = "my card number is 6222020200112233";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant ours;
	TestTenant theirs;
	String ourAgent;
	String ourAdmin;
	String ourVisitor;
	String ourConversation;
	String theirAgent;
	String theirConversation;
	String theirContact;

	/** Both organizations have a chat going; theirs holds a message and a note we must never see. */
	@BeforeEach
	void twoOrganizationsEachWithAChat() {
		api = new Api(port);
		ours = TestTenant.create(context, 1, 3);
		theirs = TestTenant.create(context, 1, 3);
		ourAgent = ours.agentToken(api, 0);
		ourAdmin = ours.adminToken(api);
		theirAgent = theirs.agentToken(api, 0);
		api.status(ourAgent, "ONLINE");
		api.status(theirAgent, "ONLINE");

		ourVisitor = api.visitor(ours.slug());
		ourConversation = api.startChat(ourVisitor).path("conversation").path("id").asString();
		String theirVisitor = api.visitor(theirs.slug());
		JsonNode started = api.startChat(theirVisitor);
		theirConversation = started.path("conversation").path("id").asString();
		theirContact = started.path("conversation").path("contactId").asString();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> api.get("/api/v1/conversations/mine", theirAgent).size() == 1
					&& api.get("/api/v1/conversations/mine", ourAgent).size() == 1);
		api.post("/api/v1/conversations/" + theirConversation + "/messages", theirVisitor,
				Map.of("clientMsgId", "secret-1", "text", SECRET));
		api.post("/api/v1/conversations/" + theirConversation + "/notes", theirAgent,
				Map.of("text", "note: " + SECRET));
		api.post("/api/v1/conversations/" + ourConversation + "/messages", ourVisitor,
				Map.of("clientMsgId", "ours-1", "text", "my card number is lost"));
	}

	@Test
	void staffOfAnotherOrganizationGetsNotFound() {
		String c = "/api/v1/conversations/" + theirConversation;
		List<Attempt> attempts = List.of(new Attempt("GET", c, null), new Attempt("GET", c + "/messages?after=0", null),
				new Attempt("POST", c + "/messages", Map.of("clientMsgId", "x-1", "text", "hello")),
				new Attempt("GET", c + "/notes", null), new Attempt("POST", c + "/notes", Map.of("text", "mine now")),
				new Attempt("GET", c + "/transcript", null), new Attempt("GET", c + "/transcript?format=text", null),
				new Attempt("GET", c + "/transitions", null), new Attempt("POST", c + "/receipts", Map.of("read", 1)),
				new Attempt("POST", c + "/close", Map.of("reason", "resolved")),
				new Attempt("PUT", c + "/summary", Map.of("summary", "taken over")),
				new Attempt("POST", c + "/transfer", Map.of("toAgentId", ours.agent(0).id().toString())),
				new Attempt("POST", c + "/transfer", Map.of("toGroupId", ours.group().id().toString())),
				new Attempt("GET", "/api/v1/contacts/" + theirContact, null),
				new Attempt("PATCH", "/api/v1/contacts/" + theirContact, Map.of("name", "Mallory")),
				new Attempt("GET", "/api/v1/contacts/" + theirContact + "/conversations", null),
				new Attempt("GET", "/api/v1/groups/" + theirs.group().id() + "/queue", null));
		for (String token : List.of(ourAgent, ourAdmin)) {
			for (Attempt attempt : attempts) {
				Api.Response response = api.call(attempt.method(), attempt.path(), token, attempt.body());
				assertThat(response.status()).as("%s %s answered %s", attempt.method(), attempt.path(), response.text())
					.isEqualTo(404);
				assertThat(response.code()).isEqualTo("not-found");
				assertThat(response.text()).doesNotContain(SECRET).doesNotContain("6222020200112233");
			}
			Api.Response upload = api.upload(c + "/attachments", token, "hello.txt", "text/plain",
					"hello".getBytes(StandardCharsets.UTF_8));
			assertThat(upload.status()).as(upload.text()).isEqualTo(404);
		}
		theirChatIsUntouched();
	}

	@Test
	void staffCannotHandOwnChatsToAnotherOrganization() {
		String c = "/api/v1/conversations/" + ourConversation + "/transfer";
		assertThat(api.call("POST", c, ourAdmin, Map.of("toAgentId", theirs.agent(0).id().toString())).status())
			.isEqualTo(404);
		assertThat(api.call("POST", c, ourAdmin, Map.of("toGroupId", theirs.group().id().toString())).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/conversations/" + ourConversation, ourAdmin).path("agentId").asString())
			.isEqualTo(ours.agent(0).id().toString());
		assertThat(api.get("/api/v1/agents/me", theirAgent).path("active").asInt()).isEqualTo(1);
	}

	@Test
	void visitorOfAnotherOrganizationGetsNotFound() {
		String v = "/api/v1/visitor/conversations/" + theirConversation;
		String c = "/api/v1/conversations/" + theirConversation;
		List<Attempt> attempts = List.of(new Attempt("GET", c + "/messages?after=0", null),
				new Attempt("POST", c + "/messages", Map.of("clientMsgId", "x-1", "text", "hello")),
				new Attempt("POST", c + "/receipts", Map.of("read", 1)), new Attempt("GET", v + "/queue", null),
				new Attempt("GET", v + "/transcript", null), new Attempt("POST", v + "/end", null),
				new Attempt("POST", v + "/rating", Map.of("rating", 1)));
		for (Attempt attempt : attempts) {
			Api.Response response = api.call(attempt.method(), attempt.path(), ourVisitor, attempt.body());
			assertThat(response.status()).as("%s %s answered %s", attempt.method(), attempt.path(), response.text())
				.isEqualTo(404);
			assertThat(response.text()).doesNotContain(SECRET);
		}
		assertThat(api.upload(c + "/attachments", ourVisitor, "hello.txt", "text/plain",
				"hello".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
		theirChatIsUntouched();
	}

	@Test
	void webSocketFramesForAForeignConversationGetAnErrorFrame() {
		for (String token : List.of(ourVisitor, ourAdmin)) {
			try (LiveClient client = LiveClient.authenticated(api.http(), port, token)) {
				client.send(frame("type", "sync", "id", "s", "conversationId", theirConversation, "after", 0));
				assertThat(errorFor(client, "s")).isEqualTo("not-found");
				client.send(frame("type", "send", "id", "m", "conversationId", theirConversation, "clientMsgId", "ws-1",
						"text", "hello"));
				assertThat(errorFor(client, "m")).isEqualTo("not-found");
				client.send(frame("type", "read", "id", "r", "conversationId", theirConversation, "seq", 1));
				assertThat(errorFor(client, "r")).isEqualTo("not-found");
				client.send(frame("type", "typing", "id", "t", "conversationId", theirConversation, "typing", true));
				assertThat(errorFor(client, "t")).isEqualTo("not-found");
				if (token.equals(ourAdmin)) {
					client.send(frame("type", "watch", "id", "w", "conversationId", theirConversation));
					assertThat(errorFor(client, "w")).isEqualTo("not-found");
				}
				// The connection still works for what is ours.
				client.send(frame("type", "sync", "id", "own", "conversationId", ourConversation, "after", 0));
				assertThat(client.next(f -> f.path("type").asString().equals("synced"), "own sync")
					.path("conversationId").asString()).isEqualTo(ourConversation);
			}
		}
		theirChatIsUntouched();
	}

	@Test
	void searchNeverReturnsAnotherOrganizationsConversations() {
		JsonNode found = api.get("/api/v1/conversations?q=card+number", ourAdmin);
		assertThat(found.valueStream().map(c -> c.path("id").asString())).containsExactly(ourConversation);
		assertThat(api.get("/api/v1/conversations?q=6222020200112233", ourAdmin).size()).isZero();
		assertThat(api.get("/api/v1/conversations", ourAdmin).valueStream().map(c -> c.path("organizationId").asString()))
			.isNotEmpty()
			.allMatch(org -> org.equals(ours.id().toString()));
		assertThat(api.get("/api/v1/conversations?contactId=" + theirContact, ourAdmin).size()).isZero();
		// The same search in their organization does find it: the filter is the organization, not the words.
		assertThat(api.get("/api/v1/conversations?q=6222020200112233", theirAgent).valueStream()
			.map(c -> c.path("id").asString())).containsExactly(theirConversation);
	}

	record Attempt(String method, String path, Object body) {
	}

	private void theirChatIsUntouched() {
		JsonNode conversation = api.get("/api/v1/conversations/" + theirConversation, theirAgent);
		assertThat(conversation.path("state").asString()).isEqualTo("ASSIGNED");
		assertThat(conversation.path("agentId").asString()).isEqualTo(theirs.agent(0).id().toString());
		assertThat(api.get("/api/v1/conversations/" + theirConversation + "/messages?after=0", theirAgent).valueStream()
			.map(m -> m.path("sender").path("type").asString() + ":" + m.path("text").asString()))
			.containsExactly("SYSTEM:" + theirs.agent(0).name() + " is now serving you", "CONTACT:" + SECRET);
		assertThat(api.get("/api/v1/conversations/" + theirConversation + "/notes", theirAgent).size()).isEqualTo(1);
		assertThat(api.get("/api/v1/contacts/" + theirContact, theirAgent).path("name").asString(""))
			.isNotEqualTo("Mallory");
	}

	private static String errorFor(LiveClient client, String id) {
		return client.next(f -> f.path("type").asString().equals("error") && f.path("id").asString().equals(id),
				"error for " + id).path("code").asString();
	}

	private static String frame(Object... keysAndValues) {
		Map<String, Object> frame = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			frame.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return Api.json.writeValueAsString(frame);
	}
}
