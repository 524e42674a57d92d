package dev.kefu.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * System lines are stored as keys with parameters and written out in the reader's language: transcripts for staff
 * and for the customer, by {@code lang} or Accept-Language (issue 14, defect 6).
 */
@ServerTest
class SystemLineTranscriptTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTranscriptExportedInChineseHasChineseSystemLines() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String agent = tenant.agentToken(api, 0);
		ServedChat chat = ServedChat.start(api, tenant, agent).customer("你好").agent("您好，请问有什么可以帮您？");
		chat.close();
		String path = "/api/v1/conversations/" + chat.id() + "/transcript";
		String name = tenant.agent(0).name();

		String chinese = api.call("GET", path + "?format=text&lang=zh-CN", agent, null).text();
		assertThat(chinese).contains(name + " 正在为您服务", "会话已结束", "您好，请问有什么可以帮您？")
			.doesNotContain("is now serving you", "The conversation has ended");

		JsonNode json = Api.json.readTree(get(api, path, agent, "zh-CN,zh;q=0.9,en;q=0.8"));
		assertThat(json.path("messages").valueStream()
			.filter(m -> m.path("sender").path("type").asString().equals("SYSTEM"))
			.map(m -> m.path("textKey").asString() + "=" + m.path("text").asString()))
			.containsExactly("system.nowServing=" + name + " 正在为您服务", "system.closed=会话已结束");

		String english = api.call("GET", path + "?format=text&lang=en", agent, null).text();
		assertThat(english).contains(name + " is now serving you", "The conversation has ended");
	}

	@Test
	void theCustomersTranscriptFollowsTheirLanguageAndTheLiveMessagesCarryKeyAndParams() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String agent = tenant.agentToken(api, 0);
		ServedChat chat = ServedChat.start(api, tenant, agent).customer("Hello");
		chat.close();
		String path = "/api/v1/visitor/conversations/" + chat.id() + "/transcript";

		assertThat(get(api, path, chat.visitor(), "zh-CN")).contains("会话已结束");
		assertThat(get(api, path, chat.visitor(), null)).contains("The conversation has ended");
		assertThat(api.call("GET", path + "?lang=zh-TW", chat.visitor(), null).text()).contains("会话已结束");
		Api.Response bad = api.call("GET", path + "?lang=%3Cscript%3E", chat.visitor(), null);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.code()).isEqualTo("invalid-lang");

		// Clients render the key; the text stays English for those that do not.
		JsonNode serving = api.get("/api/v1/conversations/" + chat.id() + "/messages?after=0&limit=50", chat.visitor())
			.valueStream()
			.filter(m -> m.path("textKey").asString().equals("system.nowServing"))
			.findFirst()
			.orElseThrow();
		assertThat(serving.path("textParams").path("agent").asString()).isEqualTo(tenant.agent(0).name());
		assertThat(serving.path("text").asString()).isEqualTo(tenant.agent(0).name() + " is now serving you");
	}

	@Test
	void linesStoredInEnglishBeforeTheyHadKeysAreGivenTheirKeys() throws IOException {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		UUID conversation = UUID.fromString(chat.id());
		legacy(conversation, tenant.id(), 101, "Connecting you to an agent");
		legacy(conversation, tenant.id(), 102, "Li Na is now serving you");
		legacy(conversation, tenant.id(), 103, "Transferred to Wang Wei");
		legacy(conversation, tenant.id(), 104, "Please wait a moment, we are connecting you to another agent");
		legacy(conversation, tenant.id(), 105, "The conversation has ended");
		legacy(conversation, tenant.id(), 106, "Transferred to Sam \"The Fixer\"");

		for (String update : migrationUpdates()) {
			jdbc.sql(update).update();
		}

		assertThat(jdbc.sql("""
				SELECT seq, text_key, text_params FROM message WHERE conversation_id = ? AND seq > 100 ORDER BY seq""")
			.param(conversation)
			.query((rs, row) -> rs.getString(2) + " " + rs.getString(3))
			.list()).containsExactly("system.handedOver {}", "system.nowServing {\"agent\":\"Li Na\"}",
					"system.transferred {\"agent\":\"Wang Wei\"}", "system.requeued {}", "system.closed {}",
					"null null");
		String chinese = api.call("GET", "/api/v1/conversations/" + chat.id() + "/transcript?format=text&lang=zh-CN",
				tenant.agentToken(api, 0), null).text();
		assertThat(chinese).contains("正在为您连接人工客服", "Li Na 正在为您服务", "已为您转接给 Wang Wei", "Transferred to Sam \"The Fixer\"");
	}

	private void legacy(UUID conversation, UUID organization, long seq, String text) {
		jdbc.sql("""
				INSERT INTO message (id, conversation_id, organization_id, seq, client_msg_id, sender_type, body, created_at)
				VALUES (?, ?, ?, ?, ?, 'SYSTEM', ?, ?)""")
			.params(UUID.randomUUID(), conversation, organization, seq, "legacy-" + seq, text, OffsetDateTime.now())
			.update();
	}

	/** The statements of V26 that give old rows their keys, run again over rows written as before. */
	private static List<String> migrationUpdates() throws IOException {
		String migration = Files.readString(Path.of("src/main/resources/db/migration/V26__system_line_keys.sql"))
			.replaceAll("(?m)^--.*$", "");
		return Arrays.stream(migration.split(";")).map(String::strip).filter(s -> s.startsWith("UPDATE")).toList();
	}

	private String get(Api api, String path, String token, @Nullable String acceptLanguage) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Authorization", "Bearer " + token);
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		try {
			return api.http().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
