package dev.kefu.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.Receiver;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * A customer's card and ID numbers, over real HTTP: masked in what is stored, and so in everything made from it, in
 * both modes; revealed only to permitted staff and audited. The database itself is searched for the clear number.
 */
@ServerTest
@TestPropertySource(properties = { "kefu.privacy.key=3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=",
		"logging.file.name=target/privacy-masking-test.log",
		"logging.level.org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor=DEBUG",
		"kefu.webhooks.allow-private-targets=true", "kefu.webhooks.poll-interval=100ms" })
class MaskingIntegrationTest {

	/** A Luhn-valid card number, and its digits in groups no masked text contains. */
	static final String CARD = "6222 0212 3456 7894";
	static final String MASKED_CARD = "6222 **** **** 7894";
	static final String RESIDENT_ID = "11010519491231002X";
	static final String MASKED_ID = "110***********002X";
	static final Path LOG = Path.of("target/privacy-masking-test.log");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PrivacyStore store;

	Api api;
	TestTenant tenant;
	String admin;
	String agent;
	Receiver receiver;

	@BeforeEach
	void organization() throws IOException {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		agent = tenant.agentToken(api, 0);
		receiver = new Receiver();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void aCustomersCardNumberIsMaskedEverywhereAndNeverStoredInTheDefaultMode() {
		api.post("/api/v1/admin/webhooks", admin, Map.of("url", receiver.url(), "events", List.of("message.created")));
		ServedChat chat = ServedChat.start(api, tenant, agent);
		String clearCard = uniqueCard();

		JsonNode sent = send(chat.visitor(), chat.id(), "我的卡号 " + clearCard + "，身份证 " + RESIDENT_ID);
		assertThat(sent.path("text").asString()).isEqualTo("我的卡号 " + masked(clearCard) + "，身份证 " + MASKED_ID);
		assertThat(sent.path("masked").asBoolean()).isTrue();
		JsonNode reply = send(agent, chat.id(), "您的卡 " + clearCard + " 已登记");
		assertThat(reply.path("text").asString()).isEqualTo("您的卡 " + masked(clearCard) + " 已登记");
		JsonNode plain = send(chat.visitor(), chat.id(), "订单号 6222 0212 3456 7895 电话 13812345678");
		assertThat(plain.path("masked").asBoolean()).isFalse();
		assertThat(plain.path("text").asString()).isEqualTo("订单号 6222 0212 3456 7895 电话 13812345678");

		// The agent's screen, the transcript and its download, and search all read the stored text.
		String messages = api.call("GET", "/api/v1/conversations/" + chat.id() + "/messages", agent, null).text();
		assertThat(messages).contains(masked(clearCard), MASKED_ID).doesNotContain(digits(clearCard), clearCard);
		String transcript = api.call("GET", "/api/v1/conversations/" + chat.id() + "/transcript", agent, null).text();
		assertThat(transcript).contains(masked(clearCard)).doesNotContain(clearCard);
		String export = api.call("GET", "/api/v1/conversations/" + chat.id() + "/transcript?format=text", agent, null)
			.text();
		assertThat(export).contains(masked(clearCard), MASKED_ID).doesNotContain(clearCard, RESIDENT_ID);
		String middle = clearCard.substring(5, 9);
		assertThat(api.get("/api/v1/conversations/search?q=" + middle, admin).path("items").size()).isZero();

		// The webhook receiver gets what was stored.
		await().atMost(Duration.ofSeconds(15)).until(() -> receiver.ofType("message.created").size() >= 3);
		String delivered = String.join("\n", receiver.ofType("message.created").stream()
			.map(Receiver.Received::body).toList());
		assertThat(delivered).contains(masked(clearCard), MASKED_ID).doesNotContain(clearCard, RESIDENT_ID);

		chat.close();
		assertThat(everyTextColumnContaining(clearCard)).isEmpty();
		assertThat(everyTextColumnContaining(digits(clearCard))).isEmpty();
		assertThat(everyTextColumnContaining(clearCard.substring(5, 14))).isEmpty();
	}

	@Test
	void aLeftMessageAndTheAgentsAnswerAreMasked() {
		String clearCard = uniqueCard();
		Map<String, Object> left = new HashMap<>();
		left.put("clientMsgId", "m-" + UUID.randomUUID());
		left.put("body", "退款到卡 " + clearCard + " 吧");
		left.put("email", "customer-" + UUID.randomUUID() + "@example.com");
		Api.Response response = api.call("POST", "/api/v1/visitor/tickets", api.visitor(tenant.slug()), left);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.text()).doesNotContain(clearCard);
		String ticket = response.body().path("id").asString();
		api.post("/api/v1/tickets/" + ticket + "/answers", agent,
				Map.of("clientMsgId", "a-" + UUID.randomUUID(), "body", "已退到 " + clearCard));

		String detail = api.call("GET", "/api/v1/tickets/" + ticket, agent, null).text();
		assertThat(detail).contains("退款到卡 " + masked(clearCard), "已退到 " + masked(clearCard))
			.doesNotContain(clearCard);
		assertThat(everyTextColumnContaining(clearCard)).isEmpty();
	}

	@Test
	void anAdminsOwnPatternMasksAPolicyNumber() {
		JsonNode pattern = api.post("/api/v1/admin/privacy/patterns", admin,
				Map.of("name", "Policy number", "regex", "PL\\d{8}", "replacement", "PL********"));
		assertThat(api.get("/api/v1/admin/privacy/patterns", admin).path(0).path("name").asString())
			.isEqualTo("Policy number");
		JsonNode tried = api.post("/api/v1/admin/privacy/test", admin, Map.of("text", "保单 PL12345678 卡 " + CARD));
		assertThat(tried.path("text").asString()).isEqualTo("保单 PL******** 卡 " + MASKED_CARD);
		assertThat(tried.path("masked").asBoolean()).isTrue();
		ServedChat chat = ServedChat.start(api, tenant, agent);
		assertThat(send(chat.visitor(), chat.id(), "我的保单号是 PL20261203").path("text").asString())
			.isEqualTo("我的保单号是 PL********");

		api.delete("/api/v1/admin/privacy/patterns/" + pattern.path("id").asString(), admin);
		assertThat(send(chat.visitor(), chat.id(), "PL20261204").path("text").asString()).isEqualTo("PL20261204");
	}

	@Test
	void aPatternThatDoesNotCompileMatchesNothingOrBacktracksIsRefused() {
		String path = "/api/v1/admin/privacy/patterns";
		assertThat(api.call("POST", path, admin, Map.of("name", "x", "regex", "PL(\\d{8}")).code())
			.isEqualTo("invalid-regex");
		assertThat(api.call("POST", path, admin, Map.of("name", "x", "regex", "\\d*")).code())
			.isEqualTo("regex-matches-empty");
		assertThat(api.call("POST", path, admin, Map.of("name", "x", "regex", "(\\d+)+\\1x")).code())
			.isEqualTo("regex-too-slow");
		assertThat(api.call("POST", path, admin, Map.of("name", "", "regex", "PL\\d{8}")).code())
			.isEqualTo("invalid-pattern-name");
		assertThat(api.call("POST", path, agent, Map.of("name", "x", "regex", "PL\\d{8}")).status()).isEqualTo(403);
		assertThat(api.get(path, admin).size()).isZero();
	}

	@Test
	void aPatternThatHangsOnAMessageIsGivenUpForItWhileTheBuiltInsStillMaskAndItIsLoggedOnce() throws IOException {
		// Saved past the check, as if it had been, to see what the message path does with it.
		OwnPattern slow = store.addPattern(tenant.id(), "Slow", "(\\d+)+\\1x", null);
		ServedChat chat = ServedChat.start(api, tenant, agent);
		String text = "卡 " + CARD + " " + "1".repeat(3000) + "!";

		long started = System.nanoTime();
		JsonNode first = send(chat.visitor(), chat.id(), text);
		send(chat.visitor(), chat.id(), text + "?");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(first.path("text").asString()).startsWith("卡 " + MASKED_CARD + " 111");
		await().atMost(Duration.ofSeconds(5)).until(() -> log().contains(slow.id().toString()));
		assertThat(log().split(slow.id().toString(), -1)).hasSize(2);
	}

	@Test
	void onDisplayKeepsTheClearTextSealedAndRevealsItOnlyToPermittedStaffWithAnAuditEntry() {
		assertThat(api.get("/api/v1/admin/privacy/settings", admin).path("mode").asString()).isEqualTo("AT_REST");
		assertThat(api.put("/api/v1/admin/privacy/settings", admin, Map.of("mode", "ON_DISPLAY")).path("mode")
			.asString()).isEqualTo("ON_DISPLAY");
		assertThat(api.call("PUT", "/api/v1/admin/privacy/settings", admin, Map.of("mode", "SOMETIMES")).code())
			.isEqualTo("invalid-masking-mode");
		ServedChat chat = ServedChat.start(api, tenant, agent);
		String clearCard = uniqueCard();
		JsonNode sent = send(chat.visitor(), chat.id(), "卡号 " + clearCard);
		assertThat(sent.path("text").asString()).isEqualTo("卡号 " + masked(clearCard));
		String message = sent.path("id").asString();
		String reveal = "/api/v1/conversations/" + chat.id() + "/messages/" + message + "/reveal";

		assertThat(api.call("POST", reveal, agent, null).status()).isEqualTo(403);
		TestTenant other = TestTenant.create(context, 1, 5);
		String otherReveal = "/api/v1/conversations/" + chat.id() + "/messages/" + message + "/reveal";
		assertThat(api.call("POST", otherReveal, other.adminToken(api), null).status()).isEqualTo(404);
		assertThat(api.post(reveal, admin, null).path("text").asString()).isEqualTo("卡号 " + clearCard);

		JsonNode entry = api.get("/api/v1/admin/audit", admin).path("entries").path(0);
		assertThat(entry.path("action").asString()).isEqualTo("message.revealed");
		assertThat(entry.path("target").asString()).isEqualTo("message:" + message);
		// What was stored for everyone else is masked; the clear text is only in the sealed column.
		assertThat(api.call("GET", "/api/v1/conversations/" + chat.id() + "/messages", agent, null).text())
			.doesNotContain(clearCard);
		assertThat(everyTextColumnContaining(clearCard)).isEmpty();
		assertThat(everyTextColumnContaining(digits(clearCard))).isEmpty();
	}

	@Test
	void changingTheModeAndThePatternsIsAuditedAndErasingTheCustomerForgetsTheSealedNumbers() {
		api.put("/api/v1/admin/privacy/settings", admin, Map.of("mode", "ON_DISPLAY"));
		String pattern = api.post("/api/v1/admin/privacy/patterns", admin,
				Map.of("name", "policy", "regex", "PL\\d{8}")).path("id").asString();
		api.call("DELETE", "/api/v1/admin/privacy/patterns/" + pattern, admin, null);
		String audit = api.call("GET", "/api/v1/admin/audit?action=privacy.", admin, null).text();
		assertThat(audit).contains("privacy.mode-changed", "ON_DISPLAY", "privacy.pattern-added",
				"privacy.pattern-removed", "privacy-pattern:" + pattern);

		ServedChat chat = ServedChat.start(api, tenant, agent);
		String contact = api.put("/api/v1/visitor/profile", chat.visitor(), Map.of("name", "Masked Customer"))
			.path("id").asString();
		send(chat.visitor(), chat.id(), "卡号 " + uniqueCard());
		assertThat(sealedIn(chat.id())).isEqualTo(1);
		api.post("/api/v1/contacts/" + contact + "/erase", admin, null);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sealedIn(chat.id())).isZero());
	}

	private long sealedIn(String conversation) {
		return jdbc.sql("SELECT COUNT(*) FROM privacy_secret WHERE scope_id = ?")
			.param(UUID.fromString(conversation))
			.query(Long.class)
			.single();
	}

	@Test
	void aMessageMaskedAtRestHasNothingToReveal() {
		ServedChat chat = ServedChat.start(api, tenant, agent);
		JsonNode sent = send(chat.visitor(), chat.id(), "卡号 " + uniqueCard());
		String reveal = "/api/v1/conversations/" + chat.id() + "/messages/" + sent.path("id").asString() + "/reveal";
		assertThat(api.call("POST", reveal, admin, null).status()).isEqualTo(404);
	}

	@Test
	void aCardNumberInALogLineIsMaskedInTheLogFile() throws IOException {
		String clearCard = uniqueCard();
		LoggerFactory.getLogger("dev.kefu.test").warn("customer said their card is {}", clearCard);
		// And on the way in: Spring MVC logs the request body at DEBUG (configured above).
		ServedChat chat = ServedChat.start(api, tenant, agent);
		String other = uniqueCard();
		send(chat.visitor(), chat.id(), other);

		await().atMost(Duration.ofSeconds(5))
			.until(() -> log().contains("customer said their card is " + masked(clearCard)));
		await().atMost(Duration.ofSeconds(5)).until(() -> log().contains("text=" + masked(other)));
		assertThat(log()).doesNotContain(clearCard, other, digits(clearCard));
	}

	private JsonNode send(String token, String conversation, String text) {
		Api.Response response = api.call("POST", "/api/v1/conversations/" + conversation + "/messages", token,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", text));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.body();
	}

	private static String log() throws IOException {
		return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
	}

	/** A Luhn-valid card number of 16 digits, in groups of four, no other test uses. */
	static String uniqueCard() {
		String body = "6222" + String.format(Locale.ROOT, "%011d", Math.floorMod(UUID.randomUUID()
			.getMostSignificantBits(), 100_000_000_000L));
		for (int check = 0; check <= 9; check++) {
			String digits = body + check;
			if (SensitiveNumbers.luhnValid(digits)) {
				return digits.replaceAll("(\\d{4})(?=\\d)", "$1 ");
			}
		}
		throw new AssertionError();
	}

	static String masked(String card) {
		return SensitiveNumbers.maskCard(card);
	}

	static String digits(String card) {
		return card.replace(" ", "");
	}

	/** Every character column of every table of this database that holds the text: table.column for each. */
	private List<String> everyTextColumnContaining(String text) {
		List<String> found = new ArrayList<>();
		record Column(String table, String column) {
		}
		List<Column> columns = jdbc.sql("""
				SELECT table_name, column_name, data_type FROM information_schema.columns
				WHERE table_schema = CURRENT_SCHEMA""")
			.query((rs, row) -> {
				String type = rs.getString(3).toLowerCase(Locale.ROOT);
				boolean textual = type.contains("char") || type.contains("text") || type.contains("json")
						|| type.contains("clob");
				return textual ? new Column(rs.getString(1), rs.getString(2)) : null;
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		assertThat(columns).extracting(c -> c.table().toLowerCase(Locale.ROOT)).contains("message", "ticket_entry",
				"privacy_secret");
		for (Column column : columns) {
			long hits = jdbc.sql("SELECT COUNT(*) FROM \"" + column.table() + "\" WHERE CAST(\"" + column.column()
					+ "\" AS VARCHAR(100000)) LIKE ?")
				.param("%" + text + "%")
				.query(Long.class)
				.single();
			if (hits > 0) {
				found.add(column.table() + "." + column.column());
			}
		}
		return found;
	}
}
