package dev.kefu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.organization.StaffMembers;
import dev.kefu.storage.FileStorage;
import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.Receiver;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * The platform operator's API over real HTTP: creating an organization whose admin then signs in, suspending it
 * (everything of it stops, with the right codes), resuming it, its limits, and deleting it without a row left.
 */
@ServerTest
// The API channel's bridge is a local receiver.
@TestPropertySource(properties = "kefu.webhooks.allow-private-targets=true")
class PlatformApiTest {

	static final String ORGS = "/api/v1/platform/organizations";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformOperators operators;

	@Autowired
	StaffMembers staff;

	Api api;
	TestTenant home;
	String operator;

	/** The operator is the admin of an organization of their own, made operator as the setup admin would be. */
	@BeforeEach
	void anOperator() {
		api = new Api(port);
		home = TestTenant.create(context, 0, 1);
		UUID adminId = staff.all(home.id()).getFirst().id();
		jdbc.sql("INSERT INTO platform_operator (user_id, organization_id, granted_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
			.params(adminId, home.id())
			.update();
		operator = home.adminToken(api);
	}

	@Test
	void anOperatorCreatesAnOrganizationWhoseAdminSignsIn() {
		String slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
		Api.Response created = api.call("POST", ORGS, operator, Map.of("slug", slug, "name", "Platform Test",
				"timeZone", "Asia/Shanghai", "admin", Map.of("username", slug + "-admin", "displayName", "First Admin",
						"password", "a-good-password-1")));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.body().path("organization").path("slug").asString()).isEqualTo(slug);
		assertThat(created.body().path("organization").path("status").asString()).isEqualTo("ACTIVE");
		assertThat(created.body().path("organization").path("usage").path("seats").asLong()).isEqualTo(1);
		String admin = login(slug + "-admin", "a-good-password-1").body().path("token").asString();
		assertThat(api.get("/api/v1/auth/me", admin).path("displayName").asString()).isEqualTo("First Admin");
		assertThat(api.get(ORGS, operator).valueStream().map(o -> o.path("slug").asString())).contains(slug);
		assertThat(actions(home.id())).contains("platform.organization-created");
		assertThat(actions(UUID.fromString(created.body().path("organization").path("id").asString())))
			.contains("platform.organization-created");
	}

	@Test
	void aWeakPasswordOrATakenSlugCreatesNothing() {
		String slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
		Api.Response weak = api.call("POST", ORGS, operator, Map.of("slug", slug, "name", "Weak",
				"admin", Map.of("username", "boss", "password", "short")));
		Api.Response taken = api.call("POST", ORGS, operator, Map.of("slug", home.slug(), "name", "Taken",
				"admin", Map.of("username", "boss", "password", "a-good-password-1")));

		assertThat(weak.status()).isEqualTo(400);
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.code()).isEqualTo("slug-taken");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organization WHERE slug = ?").param(slug).query(Long.class).single())
			.isZero();
	}

	@Test
	void nobodyButAnOperatorGetsIn() {
		TestTenant other = TestTenant.create(context, 1, 1);
		String apiToken = apiToken(home.adminToken(api));

		Api.Response admin = api.call("GET", ORGS, other.adminToken(api), null);
		Api.Response agent = api.call("GET", ORGS, other.agentToken(api, 0), null);
		Api.Response token = api.call("GET", ORGS, apiToken, null);
		Api.Response visitor = api.call("GET", ORGS, api.visitor(other.slug()), null);
		Api.Response nobody = api.call("GET", ORGS, null, null);

		assertThat(admin.status()).isEqualTo(403);
		assertThat(admin.code()).isEqualTo("not-a-platform-operator");
		assertThat(agent.code()).isEqualTo("not-a-platform-operator");
		assertThat(token.status()).isEqualTo(403);
		assertThat(token.code()).isEqualTo("not-for-api-tokens");
		assertThat(visitor.status()).isEqualTo(403);
		assertThat(nobody.status()).isEqualTo(401);
	}

	@Test
	void aSuspendedOrganizationStopsEverywhereAndComesBackOnResume() throws Exception {
		TestTenant tenant = TestTenant.create(context, 1, 1);
		String admin = tenant.adminToken(api);
		String apiToken = apiToken(admin);
		assertThat(api.call("GET", "/api/v1/tickets", apiToken, null).status()).isEqualTo(200);
		LiveClient socket = LiveClient.authenticated(api.http(), port, tenant.agentToken(api, 0));
		String customer = api.visitor(tenant.slug());
		LiveClient customerSocket = LiveClient.authenticated(api.http(), port, customer);
		String channel;
		try (Receiver bridge = new Receiver()) {
			channel = api.post("/api/v1/admin/channels", admin, Map.of("provider", "api", "name", "App",
					"configuration", Map.of("callbackUrl", bridge.url()))).path("id").asString();
		}

		JsonNode suspended = api.post(ORGS + "/" + tenant.id() + "/suspend", operator, Map.of("reason", "unpaid"));

		await().atMost(Duration.ofSeconds(5)).until(() -> socket.isClosed() && customerSocket.isClosed());

		assertThat(suspended.path("status").asString()).isEqualTo("SUSPENDED");
		assertThat(suspended.path("suspendedReason").asString()).isEqualTo("unpaid");
		Api.Response login = login(tenant.adminUsername(), TestTenant.PASSWORD);
		assertThat(login.status()).isEqualTo(403);
		assertThat(login.code()).isEqualTo("organization-suspended");
		assertThat(actions(tenant.id())).as("the refused login is on the record").contains("auth.login-failed");
		assertThat(api.call("GET", "/api/v1/auth/me", admin, null).status()).isEqualTo(401);
		Api.Response token = api.call("GET", "/api/v1/tickets", apiToken, null);
		assertThat(token.status()).isEqualTo(403);
		assertThat(token.code()).isEqualTo("organization-suspended");
		Api.Response widget = api.call("GET", "/api/v1/widget/" + tenant.slug(), null, null);
		assertThat(widget.status()).isEqualTo(503);
		assertThat(widget.code()).isEqualTo("service-unavailable");
		Api.Response visitor = api.call("POST", "/api/v1/visitor/sessions", null,
				Map.of("organization", tenant.slug()));
		assertThat(visitor.status()).isEqualTo(503);
		assertThat(visitor.code()).isEqualTo("service-unavailable");
		assertThat(api.call("GET", "/api/v1/visitor/profile", customer, null).status()).isEqualTo(401);
		Api.Response inbound = api.call("POST", "/api/v1/channels/" + channel + "/messages", null,
				Map.of("externalCustomerId", "u-1", "externalMessageId", "m-1", "text", "hello?"));
		assertThat(inbound.status()).as("the bridge keeps the message and retries").isEqualTo(503);
		assertThat(actions(tenant.id())).contains("platform.organization-suspended");

		api.post(ORGS + "/" + tenant.id() + "/resume", operator, null);

		assertThat(login(tenant.adminUsername(), TestTenant.PASSWORD).status()).isEqualTo(200);
		assertThat(api.call("GET", "/api/v1/tickets", apiToken, null).status()).isEqualTo(200);
		assertThat(api.call("GET", "/api/v1/widget/" + tenant.slug(), null, null).status()).isEqualTo(200);
		assertThat(api.visitor(tenant.slug())).isNotBlank();
	}

	@Test
	void anOperatorCannotSuspendOrDeleteTheirOwnOrganizationNorDeleteAnActiveOne() {
		TestTenant tenant = TestTenant.create(context, 0, 1);

		Api.Response own = api.call("POST", ORGS + "/" + home.id() + "/suspend", operator, Map.of());
		Api.Response ownDelete = api.call("DELETE", ORGS + "/" + home.id() + "?confirm=" + home.slug(), operator, null);
		Api.Response active = api.call("DELETE", ORGS + "/" + tenant.id() + "?confirm=" + tenant.slug(), operator,
				null);
		api.post(ORGS + "/" + tenant.id() + "/suspend", operator, Map.of());
		Api.Response unconfirmed = api.call("DELETE", ORGS + "/" + tenant.id() + "?confirm=wrong", operator, null);

		assertThat(own.code()).isEqualTo("own-organization");
		assertThat(ownDelete.code()).isEqualTo("own-organization");
		assertThat(active.status()).isEqualTo(409);
		assertThat(active.code()).isEqualTo("organization-active");
		assertThat(unconfirmed.code()).isEqualTo("confirmation-mismatch");
		assertThat(api.call("GET", ORGS, operator, null).body().valueStream()
			.map(o -> o.path("id").asString())).contains(tenant.id().toString(), home.id().toString());
	}

	@Test
	void limitsRefuseGrowthWithTheirOwnCodes() {
		TestTenant tenant = TestTenant.create(context, 1, 1);
		String admin = tenant.adminToken(api);
		String agent = tenant.agentToken(api, 0);
		String apiToken = apiToken(admin);
		String conversation = chat(tenant, agent);
		byte[] text = "x".repeat(600).getBytes(StandardCharsets.UTF_8);
		assertThat(api.upload("/api/v1/conversations/" + conversation + "/attachments", agent, "a.txt", "text/plain",
				text).status()).isEqualTo(201);

		JsonNode limited = api.put(ORGS + "/" + tenant.id() + "/limits", operator,
				Map.of("maxSeats", 2, "maxStorageBytes", 1000, "apiRequestsPerMinute", 3));

		assertThat(limited.path("limits").path("maxSeats").asInt()).isEqualTo(2);
		assertThat(limited.path("usage").path("seats").asLong()).isEqualTo(2);
		assertThat(limited.path("usage").path("storageBytes").asLong()).isEqualTo(600);
		Api.Response seat = api.call("POST", "/api/v1/admin/staff", admin, Map.of("username", tenant.slug() + "-new",
				"password", "a-good-password-1", "displayName", "New", "roles", List.of("AGENT"), "maxChats", 1));
		assertThat(seat.status()).isEqualTo(409);
		assertThat(seat.code()).isEqualTo("seat-limit-reached");
		Api.Response disabledOne = api.call("POST", "/api/v1/admin/staff", admin, Map.of("username",
				tenant.slug() + "-off", "password", "a-good-password-1", "displayName", "Off", "roles", List.of("AGENT"),
				"maxChats", 1, "enabled", false));
		assertThat(disabledOne.status()).as("a disabled account takes no seat").isEqualTo(201);
		Api.Response storage = api.upload("/api/v1/conversations/" + conversation + "/attachments", agent, "b.txt",
				"text/plain", text);
		assertThat(storage.status()).isEqualTo(409);
		assertThat(storage.code()).isEqualTo("storage-limit-reached");
		List<Integer> statuses = new ArrayList<>();
		Api.Response last = null;
		for (int i = 0; i < 4; i++) {
			last = api.call("GET", "/api/v1/tickets", apiToken, null);
			statuses.add(last.status());
		}
		assertThat(statuses).containsExactly(200, 200, 200, 429);
		assertThat(last.code()).isEqualTo("rate-limited");
		assertThat(actions(tenant.id())).contains("platform.limits-changed");
	}

	@Test
	void deletingASuspendedOrganizationLeavesNoRowAnywhere() throws Exception {
		TestTenant tenant = TestTenant.create(context, 1, 1);
		String admin = tenant.adminToken(api);
		String agent = tenant.agentToken(api, 0);
		apiToken(admin);
		String conversation = chat(tenant, agent);
		api.post("/api/v1/conversations/" + conversation + "/notes", agent, Map.of("text", "a note"));
		String key = api.upload("/api/v1/conversations/" + conversation + "/attachments", agent, "a.txt", "text/plain",
				"hello".getBytes(StandardCharsets.UTF_8)).body().path("id").asString();
		api.post("/api/v1/visitor/tickets", api.visitor(tenant.slug()),
				Map.of("clientMsgId", "t-1", "email", "wang@example.com", "body", "Please call me back"));
		api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "FAQ", "status", "PUBLISHED", "title",
				"Delivery", "body", "Two to four days.", "phrasings", List.of("when does it arrive")));
		String storageKey = jdbc.sql("SELECT storage_key FROM attachment WHERE id = ?").param(UUID.fromString(key))
			.query(String.class).single();
		List<UUID> staffIds = staff.all(tenant.id()).stream().map(m -> m.id()).toList();
		OrganizationPurge purge = context.getBean(OrganizationPurge.class);
		List<String> tables = purge.tablesWithOrganization();
		assertThat(tables).contains("conversation", "message", "ticket", "contact", "kb_article", "staff_member",
				"audit_entry", "attachment", "api_token");
		assertThat(rowsOf(tenant.id(), tables)).containsKeys("conversation", "message", "ticket", "contact",
				"kb_article", "staff_member", "attachment");

		api.post(ORGS + "/" + tenant.id() + "/suspend", operator, Map.of("reason", "closing"));
		Api.Response deleted = api.call("DELETE", ORGS + "/" + tenant.id() + "?confirm=" + tenant.slug(), operator,
				null);

		assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
		assertThat(rowsOf(tenant.id(), purge.tablesWithOrganization())).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organization WHERE id = ?").param(tenant.id()).query(Long.class)
			.single()).isZero();
		for (OrganizationPurge.Link link : purge.references(tables)) {
			long left = jdbc.sql("SELECT COUNT(*) FROM " + link.table() + " WHERE " + link.column() + " IN ("
					+ String.join(",", staffIds.stream().map(id -> "'" + id + "'").toList()) + ")")
				.query(Long.class)
				.single();
			if (link.parentTable().equals("staff_member")) {
				assertThat(left).as(link.toString()).isZero();
			}
		}
		assertThatThrownBy(() -> context.getBean(FileStorage.class).area("attachments").open(storageKey))
			.isInstanceOf(NoSuchFileException.class);
		assertThat(api.call("GET", ORGS, operator, null).body().valueStream().map(o -> o.path("id").asString()))
			.doesNotContain(tenant.id().toString());
		assertThat(actions(home.id())).contains("platform.organization-deleted");
		assertThat(login(tenant.adminUsername(), TestTenant.PASSWORD).status()).isEqualTo(401);
	}

	@Test
	void operatorsGrantAndRevokeButNeverTheLastOne() {
		TestTenant other = TestTenant.create(context, 1, 1);
		UUID agentId = other.agent(0).id();

		api.post("/api/v1/platform/operators", operator, Map.of("organizationId", other.id(), "userId", agentId));

		assertThat(api.call("GET", ORGS, other.agentToken(api, 0), null).status()).isEqualTo(200);
		Api.Response unknown = api.call("POST", "/api/v1/platform/operators", operator,
				Map.of("organizationId", other.id(), "userId", UUID.randomUUID()));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(api.call("DELETE", "/api/v1/platform/operators/" + agentId, operator, null).status()).isEqualTo(204);
		assertThat(api.call("GET", ORGS, other.agentToken(api, 0), null).code()).isEqualTo("not-a-platform-operator");
		assertThat(actions(home.id())).contains("platform.operator-granted", "platform.operator-revoked");
	}

	@Test
	void theLastOperatorStays() {
		UUID mine = staff.all(home.id()).getFirst().id();
		assertThat(operators.all()).extracting(PlatformOperators.Operator::userId).contains(mine);
		// Other tests' operators share this database: take all but ours away, then ours is the last.
		jdbc.sql("DELETE FROM platform_operator WHERE user_id <> ?").param(mine).update();

		Api.Response last = api.call("DELETE", "/api/v1/platform/operators/" + mine, operator, null);

		assertThat(last.status()).isEqualTo(409);
		assertThat(last.code()).isEqualTo("last-platform-operator");
		assertThat(api.call("GET", ORGS, operator, null).status()).isEqualTo(200);
	}

	private Api.Response login(String username, String password) {
		return api.call("POST", "/api/v1/auth/login", null, Map.of("username", username, "password", password));
	}

	private String apiToken(String admin) {
		return api.post("/api/v1/admin/api-tokens", admin,
				Map.of("name", "sync-" + UUID.randomUUID(), "scopes", List.of("tickets:read")))
			.path("secret")
			.asString();
	}

	/** A visitor's chat, taken by the agent, with a message each way. */
	private String chat(TestTenant tenant, String agent) {
		api.status(agent, "ONLINE");
		String visitor = api.visitor(tenant.slug());
		String conversation = api.startChat(visitor).path("conversation").path("id").asString();
		await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/conversations/mine", agent).size() == 1);
		api.post("/api/v1/conversations/" + conversation + "/messages", visitor,
				Map.of("clientMsgId", "v-1", "text", "hello"));
		api.post("/api/v1/conversations/" + conversation + "/messages", agent,
				Map.of("clientMsgId", "a-1", "text", "hi, how can I help?"));
		return conversation;
	}

	private List<String> actions(UUID organizationId) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE organization_id = ?").param(organizationId)
			.query(String.class).list();
	}

	/** The tables that still hold a row of the organization, with how many. */
	private Map<String, Long> rowsOf(UUID organizationId, List<String> tables) {
		Map<String, Long> rows = new HashMap<>();
		for (String table : tables) {
			long count = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE organization_id = ?").param(organizationId)
				.query(Long.class).single();
			if (count > 0) {
				rows.put(table, count);
			}
		}
		return rows;
	}
}
