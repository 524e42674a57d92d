package dev.kefu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * The audit log over real HTTP: each sensitive action leaves one entry naming who (id and name), what, to what, from
 * where and, for a change, the changed fields before and after, never a secret; admins filter it, page it and download
 * it as CSV, and another organization sees none of it.
 */
@ServerTest
@TestPropertySource(properties = { "kefu.webhooks.allow-private-targets=true", "kefu.webhooks.poll-interval=1h" })
class AuditLogTest {

	static final String AUDIT = "/api/v1/admin/audit";

	/** Where the test's requests come from: the server believes no X-Forwarded-For unless configured to. */
	static final String LOCAL = "127.0.0.1";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;
	String adminId;

	@BeforeEach
	void organization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 2, 5);
		admin = tenant.adminToken(api);
		adminId = api.get("/api/v1/auth/me", admin).path("id").asString();
	}

	@Test
	void recordsLoginsFailedLoginsAndLogoutsWithTheirSourceAddress() throws Exception {
		String agentName = tenant.agent(0).username();
		String agent = login(agentName, TestTenant.PASSWORD, "203.0.113.66").body();
		String agentToken = Api.json.readTree(agent).path("token").asString();
		assertThat(login(agentName, "not-the-password", null).statusCode()).isEqualTo(401);
		api.ok("POST", "/api/v1/auth/logout", agentToken, null);

		JsonNode ok = only("auth.login", "actor=" + tenant.agent(0).id());
		assertThat(ok.path("actorName").asString()).isEqualTo("Agent 1");
		assertThat(ok.path("target").asString()).isEqualTo("staff:" + tenant.agent(0).id());
		assertThat(ok.path("sourceAddress").asString()).as("a client's own X-Forwarded-For is not believed")
			.isEqualTo(LOCAL);

		JsonNode failed = only("auth.login-failed", null);
		assertThat(failed.path("actorId").asString(null)).isNull();
		assertThat(failed.path("actorName").asString()).isEqualTo(agentName);
		assertThat(failed.path("target").asString()).isEqualTo("username:" + agentName);
		assertThat(failed.path("sourceAddress").asString()).isEqualTo(LOCAL);
		assertThat(failed.toString()).doesNotContain("not-the-password");

		JsonNode out = only("auth.logout", null);
		assertThat(out.path("actorId").asString()).isEqualTo(tenant.agent(0).id().toString());
		assertThat(out.path("sourceAddress").asString()).isEqualTo(LOCAL);

		// A name nobody has belongs to no organization: nothing to record, and nothing leaks into this one.
		login("nobody-" + UUID.randomUUID(), "whatever-1", null);
		assertThat(entries("action=auth.login-failed")).hasSize(1);
	}

	@Test
	void recordsStaffCreatedChangedDisabledEnabledRolesGroupsAndPasswords() {
		String group2 = api.post("/api/v1/admin/groups", admin, Map.of("centerId", tenant.group().centerId(), "name",
				"VIP", "queueLimit", 10, "offlinePolicy", "KEEP", "requeueMinutes", 0)).path("id").asString();
		JsonNode created = api.post("/api/v1/admin/staff", admin,
				Map.of("username", tenant.slug() + "-li", "password", "a-long-password-1", "displayName", "Li Lei",
						"roles", List.of("AGENT"), "maxChats", 3, "groupIds", List.of(tenant.group().id())));
		String id = created.path("id").asString();
		String path = "/api/v1/admin/staff/" + id;
		JsonNode entry = only("staff.created", null);
		assertEntry(entry, "staff:" + id);
		assertThat(entry.path("after").asString()).contains("\"displayName\":\"Li Lei\"", "\"maxChats\":3")
			.doesNotContain("a-long-password-1").doesNotContainIgnoringCase("hash");

		api.put(path, admin, update("Li Lei", List.of("AGENT"), 5, true, List.of(tenant.group().id())));
		JsonNode changed = only("staff.changed", null);
		assertEntry(changed, "staff:" + id);
		assertThat(changed.path("before").asString()).isEqualTo("{\"maxChats\":3}");
		assertThat(changed.path("after").asString()).isEqualTo("{\"maxChats\":5}");

		api.put(path, admin, update("Li Lei", List.of("AGENT", "SUPERVISOR"), 5, true, List.of(tenant.group().id())));
		JsonNode roles = only("staff.roles-changed", null);
		assertEntry(roles, "staff:" + id);
		assertThat(roles.path("before").asString()).isEqualTo("{\"roles\":[\"AGENT\"]}");
		assertThat(roles.path("after").asString()).isEqualTo("{\"roles\":[\"SUPERVISOR\",\"AGENT\"]}");

		api.put(path, admin, update("Li Lei", List.of("AGENT", "SUPERVISOR"), 5, true,
				List.of(tenant.group().id(), UUID.fromString(group2))));
		JsonNode groups = only("staff.groups-changed", null);
		assertEntry(groups, "staff:" + id);
		assertThat(groups.path("after").asString()).contains(group2, tenant.group().id().toString());
		assertThat(groups.path("before").asString()).doesNotContain(group2);

		api.put(path, admin, update("Li Lei", List.of("AGENT", "SUPERVISOR"), 5, false,
				List.of(tenant.group().id(), UUID.fromString(group2))));
		JsonNode disabled = only("staff.disabled", null);
		assertEntry(disabled, "staff:" + id);
		assertThat(disabled.path("before").asString()).isEqualTo("{\"enabled\":true}");
		assertThat(disabled.path("after").asString()).isEqualTo("{\"enabled\":false}");
		api.put(path, admin, update("Li Lei", List.of("AGENT", "SUPERVISOR"), 5, true,
				List.of(tenant.group().id(), UUID.fromString(group2))));
		assertEntry(only("staff.enabled", null), "staff:" + id);

		api.ok("PUT", path + "/password", admin, Map.of("password", "another-password-2"));
		JsonNode reset = only("staff.password-reset", null);
		assertEntry(reset, "staff:" + id);
		assertThat(reset.toString()).doesNotContain("another-password-2");
		assertThat(reset.path("before").asString(null)).isNull();
		assertThat(reset.path("after").asString(null)).isNull();
		// An update that changes nothing records nothing; a refused one neither.
		int before = entries("action=staff.").size();
		api.put(path, admin, update("Li Lei", List.of("AGENT", "SUPERVISOR"), 5, true,
				List.of(tenant.group().id(), UUID.fromString(group2))));
		assertThat(api.call("PUT", path, admin, update("Li Lei", List.of("AGENT"), 99, true, List.of())).status())
			.isEqualTo(400);
		assertThat(entries("action=staff.")).hasSize(before);
	}

	@Test
	void recordsEveryFamilyOfSettingsWithWhatChanged() {
		String groupPath = "/api/v1/admin/groups/" + tenant.group().id();
		UUID center = tenant.group().centerId();

		String centerId = api.post("/api/v1/admin/centers", admin, Map.of("name", "Shenzhen")).path("id").asString();
		assertEntry(only("center.created", null), "center:" + centerId);
		api.put("/api/v1/admin/centers/" + centerId, admin, Map.of("name", "深圳"));
		assertChange(only("center.changed", null), "center:" + centerId, "\"name\":\"Shenzhen\"", "\"name\":\"深圳\"");
		api.ok("DELETE", "/api/v1/admin/centers/" + centerId, admin, null);
		assertEntry(only("center.deleted", null), "center:" + centerId);

		api.put(groupPath, admin, Map.of("centerId", center, "name", "General", "queueLimit", 20, "offlinePolicy",
				"KEEP", "requeueMinutes", 0));
		assertChange(only("group.changed", null), "group:" + tenant.group().id(), "\"queueLimit\":50",
				"\"queueLimit\":20");
		api.put(groupPath, admin, Map.of("centerId", center, "name", "General", "queueLimit", 20, "offlinePolicy",
				"REQUEUE", "requeueMinutes", 0));
		assertChange(only("group.offline-policy-changed", null), "group:" + tenant.group().id(),
				"\"offlinePolicy\":\"KEEP\"", "\"offlinePolicy\":\"REQUEUE\"");
		api.put(groupPath + "/hours", admin,
				Map.of("hours", List.of(Map.of("dayOfWeek", 1, "opensAt", "09:00", "closesAt", "18:00"))));
		assertChange(only("group.hours-changed", null), "group:" + tenant.group().id(), "\"hours\":[]", "09:00");
		Map<String, Object> holiday = new HashMap<>();
		holiday.put("date", LocalDate.of(2027, 2, 6).toString());
		holiday.put("name", "春节");
		api.put(groupPath + "/holidays", admin, Map.of("holidays", List.of(holiday)));
		assertChange(only("group.holidays-changed", null), "group:" + tenant.group().id(), "\"holidays\":[]", "春节");

		JsonNode widget = api.get("/api/v1/admin/widget", admin);
		Map<String, Object> changedWidget = Api.json.convertValue(widget, Map.class);
		changedWidget.put("title", "在线客服");
		api.put("/api/v1/admin/widget", admin, changedWidget);
		assertChange(only("widget.changed", null), "widget", "\"title\":\"" + widget.path("title").asString(),
				"\"title\":\"在线客服\"");

		Map<String, Object> rule = new HashMap<>(Map.of("name", "Pricing", "greeting", "Hello", "urlPattern",
				"*/pricing*", "secondsOnPage", 5));
		String ruleId = api.post("/api/v1/admin/invitations", admin, rule).path("id").asString();
		assertEntry(only("invitation.created", null), "invitation:" + ruleId);
		rule.put("greeting", "有问题可以问我们");
		api.put("/api/v1/admin/invitations/" + ruleId, admin, rule);
		assertChange(only("invitation.changed", null), "invitation:" + ruleId, "Hello", "有问题可以问我们");
		api.ok("DELETE", "/api/v1/admin/invitations/" + ruleId, admin, null);
		assertEntry(only("invitation.deleted", null), "invitation:" + ruleId);

		api.put("/api/v1/admin/limits", admin, Map.of("visitorsPerMinute", 600, "visitorsBurst", 100,
				"conversationsPerMinute", 600, "conversationsBurst", 100));
		assertChange(only("limits.changed", null), "limits", "\"conversationsPerMinute\":120",
				"\"conversationsPerMinute\":600");

		String tag = api.post("/api/v1/admin/tags", admin, Map.of("name", "Refund", "colour", "#cc0000"))
			.path("id").asString();
		assertEntry(only("tag.created", null), "tag:" + tag);
		api.put("/api/v1/admin/tags/" + tag, admin, Map.of("name", "退款", "colour", "#cc0000"));
		assertChange(only("tag.changed", null), "tag:" + tag, "Refund", "退款");
		String code = api.post("/api/v1/admin/dispositions", admin, Map.of("name", "Solved")).path("id").asString();
		assertEntry(only("disposition.created", null), "disposition:" + code);
		api.put("/api/v1/admin/dispositions/required-groups", admin, Map.of("groupIds", List.of(tenant.group().id())));
		assertChange(only("disposition.required-groups-changed", null), "dispositions", "\"groupIds\":[]",
				tenant.group().id().toString());

		JsonNode channel = api.post("/api/v1/admin/channels", admin, Map.of("provider", "api", "name", "Mobile app",
				"configuration", Map.of("callbackUrl", "http://127.0.0.1:9/kefu")));
		String channelId = channel.path("id").asString();
		JsonNode channelCreated = only("channel.created", null);
		assertEntry(channelCreated, "channel:" + channelId);
		assertThat(channelCreated.toString()).doesNotContain(channel.path("secret").asString());
		api.put("/api/v1/admin/channels/" + channelId, admin, Map.of("name", "App"));
		assertChange(only("channel.changed", null), "channel:" + channelId, "Mobile app", "\"name\":\"App\"");
		String rotatedSecret = api.post("/api/v1/admin/channels/" + channelId + "/rotate-secret", admin, null)
			.path("secret").asString();
		assertEntry(only("channel.secret-rotated", null), "channel:" + channelId);
		assertThat(entries("action=channel.").toString()).doesNotContain(rotatedSecret);

		api.put("/api/v1/admin/identity", admin, Map.of("allowAnonymous", false));
		assertChange(only("identity.changed", null), "identity-settings", "\"allowAnonymous\":true",
				"\"allowAnonymous\":false");
		String identitySecret = api.post("/api/v1/admin/identity/secret", admin, null).path("secret").asString();
		assertEntry(only("identity.secret-rotated", null), "identity-settings");
		api.put("/api/v1/admin/crm", admin, Map.of("cacheSeconds", 600));
		assertChange(only("crm.changed", null), "crm-settings", "\"cacheSeconds\":300", "\"cacheSeconds\":600");

		api.put(groupPath + "/mail-alerts", admin,
				Map.of("enabled", true, "recipients", List.of("ops@example.com"), "language", "en"));
		assertChange(only("mail-alerts.changed", null), "group:" + tenant.group().id(), "\"enabled\":false",
				"ops@example.com");
		api.put(groupPath + "/assistant", admin, Map.of("enabled", true, "name", "小助手"));
		assertChange(only("assistant.changed", null), "group:" + tenant.group().id(), "\"enabled\":false",
				"\"name\":\"小助手\"");

		api.put("/api/v1/quality/settings", admin, Map.of("samplePercent", 30, "includeFindings", true,
				"includeLowRatings", true, "silenceLimitSeconds", 120, "greetings", List.of("您好"), "closings",
				List.of("再见"), "forbidden", List.of()));
		assertChange(only("quality.settings-changed", null), "quality-settings", "samplePercent",
				"\"samplePercent\":30");
		String rubric = api.post("/api/v1/quality/rubrics", admin, Map.of("name", "Chat", "items",
				List.of(Map.of("name", "greeting", "weight", 1, "maxPoints", 5)))).path("id").asString();
		assertEntry(only("rubric.created", null), "rubric:" + rubric);

		String canned = api.post("/api/v1/canned-responses", admin, Map.of("scope", "ORGANIZATION", "shortcut",
				"refund", "title", "Refund", "text", "Refunds take 3 days.")).path("id").asString();
		assertEntry(only("canned.created", null), "canned:" + canned);
		api.post("/api/v1/canned-responses", tenant.agentToken(api, 0), Map.of("shortcut", "mine", "title", "Mine",
				"text", "My own words."));
		assertThat(entries("action=canned.")).as("an agent's personal replies are not settings").hasSize(1);

		api.put("/api/v1/admin/audit/settings", admin, Map.of("retentionDays", 730));
		assertChange(only("audit.retention-changed", null), "audit-settings", "\"retentionDays\":1095",
				"\"retentionDays\":730");

		// No setting's secret reaches the log.
		assertThat(entries(null).toString()).doesNotContain(identitySecret).doesNotContain(rotatedSecret);
	}

	@Test
	void recordsTokenAndWebhookChanges() {
		JsonNode hook = api.post("/api/v1/admin/webhooks", admin,
				Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("conversation.opened")));
		String id = hook.path("id").asString();
		assertEntry(only("webhook.created", null), "webhook:" + id);
		api.put("/api/v1/admin/webhooks/" + id, admin,
				Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("conversation.opened", "message.created")));
		assertChange(only("webhook.changed", null), "webhook:" + id, "[\"conversation.opened\"]", "message.created");
		String secret = api.post("/api/v1/admin/webhooks/" + id + "/rotate-secret", admin, null).path("secret")
			.asString();
		assertEntry(only("webhook.secret-rotated", null), "webhook:" + id);
		api.ok("DELETE", "/api/v1/admin/webhooks/" + id, admin, null);
		assertEntry(only("webhook.deleted", null), "webhook:" + id);
		assertThat(entries("action=webhook.").toString()).doesNotContain(secret)
			.doesNotContain(hook.path("secret").asString());

		JsonNode token = api.post("/api/v1/admin/api-tokens", admin, Map.of("name", "CRM", "scopes",
				List.of("reports:read")));
		assertEntry(only("api-token.created", null), "api-token:" + token.path("token").path("id").asString());
		assertThat(entries("action=api-token.").toString()).doesNotContain(token.path("secret").asString());
	}

	@Test
	void recordsExportsAndKnowledgePublishing() {
		api.raw("GET", "/api/v1/reports/kpis?format=csv", admin, null, null);
		assertEntry(only("report.exported", null), "report:kpis");
		api.raw("GET", "/api/v1/knowledge/export?format=csv", admin, null, null);
		assertEntry(only("knowledge.exported", null), "knowledge");

		JsonNode article = api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "FAQ", "status", "DRAFT",
				"title", "Delivery time", "body", "2 to 4 working days."));
		String id = article.path("id").asString();
		assertThat(entries("action=knowledge.published")).as("a draft is nobody's business yet").isEmpty();
		api.put("/api/v1/knowledge/articles/" + id, admin, Map.of("expectedVersion", article.path("version").asInt(),
				"kind", "FAQ", "title", "Delivery time", "body", "2 to 4 working days.", "status", "PUBLISHED"));
		JsonNode published = only("knowledge.published", null);
		assertChange(published, "article:" + id, "\"status\":\"DRAFT\"", "\"status\":\"PUBLISHED\"");
		assertThat(published.path("detail").asString()).isEqualTo("Delivery time");
		JsonNode now = api.get("/api/v1/knowledge/articles/" + id, admin);
		api.put("/api/v1/knowledge/articles/" + id, admin, Map.of("expectedVersion", now.path("version").asInt(),
				"kind", "FAQ", "title", "Delivery time", "body", "2 to 4 working days.", "status", "ARCHIVED"));
		assertChange(only("knowledge.archived", null), "article:" + id, "\"status\":\"PUBLISHED\"",
				"\"status\":\"ARCHIVED\"");
	}

	@Test
	void recordsSupervisorLookInsWhispersAndTakeOversInTheSameLog() {
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		String conversation = api.startChat(api.visitor(tenant.slug())).path("conversation").path("id").asString();
		await().until(() -> api.get("/api/v1/conversations/" + conversation, agent).path("state").asString()
			.equals("ASSIGNED"));

		try (LiveClient live = LiveClient.authenticated(api.http(), port, admin)) {
			live.send("{\"type\":\"watch\",\"id\":\"w\",\"conversationId\":\"" + conversation + "\"}");
			live.next("watching");
		}
		JsonNode watched = await().until(() -> entries("action=supervision.watched"), e -> e.size() == 1).get(0);
		assertThat(watched.path("actorId").asString()).isEqualTo(adminId);
		assertThat(watched.path("actorName").asString()).isEqualTo("Admin");
		assertThat(watched.path("target").asString()).isEqualTo("conversation:" + conversation);
		assertThat(watched.path("sourceAddress").asString()).as("the live connection's address").isEqualTo(LOCAL);

		api.post("/api/v1/supervision/conversations/" + conversation + "/whisper", admin,
				Map.of("text", "Offer a refund"));
		JsonNode whispered = only("supervision.whispered", null);
		assertEntry(whispered, "conversation:" + conversation);
		assertThat(whispered.toString()).as("the words stay in the supervision trail").doesNotContain("refund");
		api.post("/api/v1/supervision/conversations/" + conversation + "/take-over", admin, Map.of("note", "VIP"));
		assertEntry(only("supervision.took-over", null), "conversation:" + conversation);
		assertThat(entries("action=supervision.")).hasSize(3);
	}

	@Test
	void filtersByActorActionTextAndTimeAndPages() {
		api.post("/api/v1/admin/tags", admin, Map.of("name", "Refund", "colour", "#cc0000"));
		api.post("/api/v1/admin/tags", admin, Map.of("name", "Complaint", "colour", "#00cc00"));
		tenant.agentToken(api, 1);

		assertThat(entries("action=tag.")).hasSize(2);
		assertThat(entries("action=TAG.CREATED")).hasSize(2);
		assertThat(entries("q=complaint")).hasSize(1);
		assertThat(entries("actor=" + tenant.agent(1).id())).singleElement()
			.satisfies(e -> assertThat(e.path("action").asString()).isEqualTo("auth.login"));
		assertThat(entries("actor=agent%202")).singleElement()
			.satisfies(e -> assertThat(e.path("action").asString()).isEqualTo("auth.login"));
		assertThat(entries("q=100%25")).as("% is a character, not a wildcard").isEmpty();
		String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
		assertThat(entries("action=tag.&from=" + today + "&to=" + today)).hasSize(2);
		assertThat(entries("action=tag.&to=2020-01-01")).isEmpty();
		assertThat(entries("action=tag.&from=2020-01-01T00:00:00Z")).hasSize(2);

		JsonNode page = api.get(AUDIT + "?action=tag.&size=1&page=1", admin);
		assertThat(page.path("total").asLong()).isEqualTo(2);
		assertThat(page.path("entries")).singleElement()
			.satisfies(e -> assertThat(e.path("detail").asString()).isEqualTo("Refund"));
	}

	@Test
	void refusesBadFilters() {
		assertProblem("from=yesterday", "invalid-from");
		assertProblem("to=2026-13-01", "invalid-to");
		assertProblem("from=2026-12-03&to=2026-12-01", "invalid-range");
		assertProblem("action=" + Api.encode("staff.'; DROP"), "invalid-action");
		assertProblem("q=" + "x".repeat(201), "invalid-query");
		assertProblem("actor=" + "x".repeat(201), "invalid-actor");
		assertProblem("page=-1", "invalid-page");
		assertProblem("size=0", "invalid-page");
		assertProblem("size=201", "invalid-page");
		assertThat(api.call("GET", AUDIT + "?format=pdf", admin, null).code()).isEqualTo("invalid-format");
		assertThat(api.call("GET", AUDIT + ".csv?from=soon", admin, null).code()).isEqualTo("invalid-from");
		assertThat(api.call("PUT", AUDIT + "/settings", admin, Map.of("retentionDays", 29)).code())
			.isEqualTo("invalid-retention");
		assertThat(api.call("PUT", AUDIT + "/settings", admin, Map.of("retentionDays", 3651)).code())
			.isEqualTo("invalid-retention");
		assertThat(api.call("GET", AUDIT, tenant.agentToken(api, 0), null).status()).isEqualTo(403);
		assertThat(api.call("GET", AUDIT + ".csv", tenant.agentToken(api, 0), null).status()).isEqualTo(403);
	}

	@Test
	void anotherOrganizationNeverSeesTheEntries() {
		api.post("/api/v1/admin/tags", admin, Map.of("name", "Secret project", "colour", "#cc0000"));
		TestTenant other = TestTenant.create(context, 1, 5);
		String otherAdmin = other.adminToken(api);
		JsonNode theirs = api.get(AUDIT + "?size=200", otherAdmin);
		assertThat(theirs.toString()).doesNotContain("Secret project").doesNotContain(adminId)
			.doesNotContain(tenant.slug());
		assertThat(theirs.path("entries").valueStream().map(e -> e.path("action").asString()))
			.containsOnly("auth.login");
		assertThat(api.raw("GET", AUDIT + ".csv?q=secret", otherAdmin, null, null).text())
			.doesNotContain("Secret project");
		assertThat(api.get(AUDIT + "?actor=" + adminId, otherAdmin).path("entries")).isEmpty();
	}

	@Test
	void downloadsTheFilteredLogAsExcelSafeCsvAndAuditsTheDownload() throws Exception {
		api.post("/api/v1/admin/tags", admin, Map.of("name", "=HYPERLINK(\"http://evil.example\")", "colour", "#cc0000"));
		api.post("/api/v1/admin/tags", admin, Map.of("name", "退款, \"快\"", "colour", "#00cc00"));

		HttpResponse<byte[]> answer = api.http().send(HttpRequest.newBuilder(
				URI.create(api.base() + AUDIT + ".csv?action=tag.")).header("Authorization", "Bearer " + admin).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow()).contains("audit-log.csv");
		byte[] body = answer.body();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).startsWith("\"time (UTC)\",\"actor\",\"actor id\",\"action\",\"target\"");
		assertThat(lines).hasSize(3);
		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"")
			.contains("\"退款, \"\"快\"\"\"")
			.contains("\"Admin\",\"" + adminId + "\",\"tag.created\"")
			.doesNotContain(",\"=");
		assertThat(AuditCsv.safe("+1")).isEqualTo("'+1");
		assertThat(AuditCsv.safe("-1")).isEqualTo("'-1");
		assertThat(AuditCsv.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(AuditCsv.safe("plain")).isEqualTo("plain");

		JsonNode exported = only("audit.exported", null);
		assertEntry(exported, "audit-log");
		assertThat(exported.path("detail").asString()).isEqualTo("2 entries action tag.");
		assertThat(api.raw("GET", AUDIT + "?format=csv&action=audit.", admin, null, null).text())
			.contains("audit.exported");
	}

	private HttpResponse<String> login(String username, String password, @Nullable String forwardedFor)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(Api.json.writeValueAsString(Map.of("username", username, "password", password))));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return api.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, Object> update(String name, List<String> roles, int maxChats, boolean enabled,
			List<UUID> groups) {
		return Map.of("displayName", name, "roles", roles, "maxChats", maxChats, "enabled", enabled, "groupIds",
				groups);
	}

	private List<JsonNode> entries(@Nullable String query) {
		JsonNode page = api.get(AUDIT + "?size=200" + (query == null ? "" : "&" + query), admin);
		List<JsonNode> list = new ArrayList<>();
		page.path("entries").forEach(list::add);
		return list;
	}

	/** The one entry of exactly this action (narrowed by {@code more}). */
	private JsonNode only(String action, @Nullable String more) {
		List<JsonNode> found = entries("action=" + action + (more == null ? "" : "&" + more)).stream()
			.filter(e -> e.path("action").asString().equals(action))
			.toList();
		assertThat(found).as(action).hasSize(1);
		return found.getFirst();
	}

	/** By the admin, from the test's address, on that target. */
	private void assertEntry(JsonNode entry, String target) {
		assertThat(entry.path("actorId").asString()).as("actor of " + entry).isEqualTo(adminId);
		assertThat(entry.path("actorName").asString()).isEqualTo("Admin");
		assertThat(entry.path("target").asString()).isEqualTo(target);
		assertThat(entry.path("sourceAddress").asString()).isEqualTo(LOCAL);
		assertThat(entry.path("occurredAt").asString()).isNotBlank();
	}

	private void assertChange(JsonNode entry, String target, String before, String after) {
		assertEntry(entry, target);
		assertThat(entry.path("before").asString()).as("before of " + entry.path("action")).contains(before);
		assertThat(entry.path("after").asString()).as("after of " + entry.path("action")).contains(after);
	}

	private void assertProblem(String query, String code) {
		Api.Response answer = api.call("GET", AUDIT + "?" + query, admin, null);
		assertThat(answer.status()).as(query).isEqualTo(400);
		assertThat(answer.code()).as(query).isEqualTo(code);
	}
}
