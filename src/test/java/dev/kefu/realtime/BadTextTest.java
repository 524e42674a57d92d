package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kefu.shared.Text;
import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * One customer's broken text (a lone UTF-16 surrogate or a NUL, both valid in JSON) is refused at the edge and can
 * never take the agent's desk offline for the other customers.
 */
@ServerTest
class BadTextTest {

	/** JSON text with a lone high surrogate escaped, exactly as an attacker would write it. */
	private static final String LONE_SURROGATE = "hi \\ud800";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Api api;
	TestTenant tenant;
	String agentToken;
	String firstVisitor;
	String firstChat;
	String secondVisitor;
	String secondChat;

	@BeforeEach
	void oneAgentServesTwoCustomers() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 2);
		agentToken = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		api.status(agentToken, "ONLINE");
		firstVisitor = api.visitor(tenant.slug());
		firstChat = api.startChat(firstVisitor).path("conversation").path("id").asString();
		secondVisitor = api.visitor(tenant.slug());
		secondChat = api.startChat(secondVisitor).path("conversation").path("id").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/mine", agentToken).size() == 2);
	}

	@Test
	void loneSurrogateOverWebSocketIsRefusedAndAnotherCustomersMessageStillReachesTheAgent() {
		try (LiveClient agent = LiveClient.authenticated(api.http(), port, agentToken);
				LiveClient visitor = LiveClient.authenticated(api.http(), port, firstVisitor)) {
			visitor.send("{\"type\":\"send\",\"id\":\"s-1\",\"conversationId\":\"" + firstChat
					+ "\",\"clientMsgId\":\"bad-1\",\"text\":\"" + LONE_SURROGATE + "\"}");
			JsonNode refused = visitor.next("error");
			assertThat(refused.path("code").asString()).isEqualTo("invalid-text");
			assertThat(refused.path("id").asString()).isEqualTo("s-1");
			visitor.send("{\"type\":\"ping\",\"id\":\"still-there\"}");
			assertThat(visitor.next("pong").path("id").asString()).isEqualTo("still-there");

			anotherCustomerStillReachesTheAgentLive(agent);
		}
		assertThat(api.get("/api/v1/conversations/" + firstChat + "/messages?after=0", firstVisitor).valueStream()
			.map(m -> m.path("clientMsgId").asString())).doesNotContain("bad-1");
		try (LiveClient again = LiveClient.authenticated(api.http(), port, agentToken)) {
			assertThat(again.isClosed()).isFalse();
		}
	}

	@Test
	void loneSurrogateAndNulOverHttpAreRefusedInEveryTextField() {
		String messages = "/api/v1/conversations/" + firstChat + "/messages";
		Api.Response surrogate = api.raw("POST", messages, firstVisitor, "application/json",
				"{\"clientMsgId\":\"bad-1\",\"text\":\"" + LONE_SURROGATE + "\"}");
		assertThat(surrogate.status()).isEqualTo(400);
		assertThat(surrogate.code()).isEqualTo("invalid-text");
		Api.Response nul = api.raw("POST", messages, firstVisitor, "application/json",
				"{\"clientMsgId\":\"bad-2\",\"text\":\"a\\u0000b\"}");
		assertThat(nul.code()).isEqualTo("invalid-text");
		Api.Response profile = api.raw("PUT", "/api/v1/visitor/profile", firstVisitor, "application/json",
				"{\"name\":\"" + LONE_SURROGATE + "\"}");
		assertThat(profile.code()).isEqualTo("invalid-text");
		Api.Response note = api.raw("POST", "/api/v1/conversations/" + firstChat + "/notes", agentToken,
				"application/json", "{\"text\":\"" + LONE_SURROGATE + "\"}");
		assertThat(note.code()).isEqualTo("invalid-text");
		Api.Response search = api.call("GET", "/api/v1/conversations?q=a%00b", agentToken, null);
		assertThat(search.status()).isEqualTo(400);
		assertThat(search.code()).isEqualTo("invalid-text");

		assertThat(api.get(messages + "?after=0", firstVisitor).valueStream().map(m -> m.path("clientMsgId").asString()))
			.doesNotContain("bad-1", "bad-2");
		try (LiveClient agent = LiveClient.authenticated(api.http(), port, agentToken)) {
			anotherCustomerStillReachesTheAgentLive(agent);
		}
	}

	@Test
	void aBrokenTextStoredEarlierIsRepairedInReadySyncAndListsInsteadOfBreakingThem() {
		api.post("/api/v1/conversations/" + firstChat + "/messages", firstVisitor,
				Map.of("clientMsgId", "stored-before", "text", "placeholder"));
		// As stored before the edge refused such text (H2 kept the lone surrogate as it was).
		jdbc.sql("UPDATE message SET body = ? WHERE client_msg_id = 'stored-before'").param("hi \ud800").update();
		jdbc.sql("UPDATE conversation SET last_message_preview = ? WHERE id = ?")
			.params("hi \ud800", java.util.UUID.fromString(firstChat))
			.update();

		try (LiveClient agent = LiveClient.connect(api.http(), port)) {
			agent.send("{\"type\":\"auth\",\"id\":\"a\",\"token\":\"" + agentToken + "\"}");
			JsonNode ready = agent.next("ready");
			assertThat(ready.path("conversations").valueStream().map(c -> c.path("lastMessagePreview").asString()))
				.allMatch(Text::wellFormed);
			agent.send("{\"type\":\"sync\",\"id\":\"s\",\"conversationId\":\"" + firstChat + "\",\"after\":0}");
			JsonNode repaired = agent.next(f -> f.path("type").asString().equals("message")
					&& f.path("message").path("clientMsgId").asString().equals("stored-before"), "the stored message");
			assertThat(repaired.path("message").path("text").asString()).startsWith("hi ").satisfies(Text::wellFormed);
			agent.next("synced");
			anotherCustomerStillReachesTheAgentLive(agent);
		}
		Api.Response list = api.call("GET", "/api/v1/conversations/" + firstChat + "/messages?after=0", agentToken,
				null);
		assertThat(list.status()).isEqualTo(200);
		assertThat(api.call("GET", "/api/v1/conversations/mine", agentToken, null).status()).isEqualTo(200);
	}

	@Test
	void anImportedFaqRowWithBrokenTextIsReportedAndTheOthersLoad() {
		String json = "[{\"question\": \"Broken\", \"answer\": \"a\\u0000b\"},"
				+ " {\"question\": \"Do you ship abroad?\", \"answer\": \"Yes.\"}]";
		JsonNode report = api.raw("POST", "/api/v1/knowledge/import", tenant.adminToken(api), "application/json", json)
			.body();
		assertThat(report.path("imported").asInt()).isEqualTo(1);
		assertThat(report.path("errors").valueStream().map(e -> e.path("row").asInt() + ":" + e.path("code").asString()))
			.containsExactly("1:invalid-text");
	}

	private void anotherCustomerStillReachesTheAgentLive(LiveClient agent) {
		api.post("/api/v1/conversations/" + secondChat + "/messages", secondVisitor,
				Map.of("clientMsgId", "fine-1", "text", "请问还在吗？"));
		JsonNode received = agent.next(f -> f.path("type").asString().equals("message")
				&& f.path("message").path("clientMsgId").asString().equals("fine-1"), "the other customer's message");
		assertThat(received.path("message").path("text").asString()).isEqualTo("请问还在吗？");
	}
}
