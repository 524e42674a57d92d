package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.CustomRoles;
import dev.kefu.testing.CustomRoles.Person;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Custom roles as a bank would use them: "QA read-only for center B" reads center B's chats and figures and nothing
 * else; a narrowed role narrows at once, open sockets included; every change is audited; bad input is refused and
 * stores nothing.
 */
@ServerTest
class CustomRolesTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;
	CustomRoles roles;

	@BeforeEach
	void tenant() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		roles = new CustomRoles(api, admin);
	}

	/** Center B with its one group, Returns, served by the tenant's agent too. */
	private record CenterB(UUID center, UUID group) {
	}

	private CenterB centerB() {
		UUID center = UUID.fromString(api.post("/api/v1/admin/centers", admin, Map.of("name", "Center B")).path("id").asString());
		UUID group = UUID.fromString(api.post("/api/v1/admin/groups", admin, Map.of("centerId", center.toString(), "name",
				"Returns", "queueLimit", 10, "offlinePolicy", "KEEP", "requeueMinutes", 5)).path("id").asString());
		api.put("/api/v1/admin/staff/" + tenant.agent(0).id(), admin, Map.of("displayName", tenant.agent(0).name(),
				"roles", List.of("AGENT"), "maxChats", 5, "enabled", true,
				"groupIds", List.of(tenant.group().id().toString(), group.toString())));
		// Online, so that each chat asked for is opened in its group and served.
		api.status(tenant.agentToken(api, 0), "ONLINE");
		return new CenterB(center, group);
	}

	private String chatIn(UUID group, String text) {
		String visitor = api.visitor(tenant.slug());
		String id = api.startChat(visitor, group).path("conversation").path("id").asString();
		api.post("/api/v1/conversations/" + id + "/messages", visitor, Map.of("clientMsgId", UUID.randomUUID().toString(),
				"text", text));
		return id;
	}

	@Test
	void qaReadOnlyForCenterBReadsThatCentersChatsAndFiguresAndNothingElse() {
		CenterB b = centerB();
		String returns = chatIn(b.group(), "My refund for order 7730 is late");
		String general = chatIn(tenant.group().id(), "Where is my parcel");
		String role = roles.role("QA read-only, center B", List.of("conversation.read", "report.read", "qa.review"));
		Person qa = roles.person(role, "CENTER", b.center(), List.of());

		assertThat(api.call("GET", "/api/v1/conversations/" + returns, qa.token(), null).status()).isEqualTo(200);
		assertThat(api.call("GET", "/api/v1/conversations/" + returns + "/messages", qa.token(), null).status())
			.isEqualTo(200);
		Api.Response other = api.call("GET", "/api/v1/conversations/" + general + "/messages", qa.token(), null);
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.body().path("detail").asString()).contains("conversation.read");
		assertThat(api.call("GET", "/api/v1/conversations/" + general + "/transcript", qa.token(), null).status())
			.isEqualTo(403);

		await().untilAsserted(() -> assertThat(api.get("/api/v1/conversations/search", qa.token())
			.path("items").valueStream().map(hit -> hit.path("conversationId").asString())).containsExactly(returns));
		assertThat(api.call("GET", "/api/v1/reports/kpis?groupId=" + b.group(), qa.token(), null).status()).isEqualTo(200);
		assertThat(api.call("GET", "/api/v1/reports/kpis?groupId=" + tenant.group().id(), qa.token(), null).status())
			.isEqualTo(403);
		// Read-only: no desk, no supervision, no administration.
		assertThat(api.call("PUT", "/api/v1/agents/me/status", qa.token(), Map.of("status", "ONLINE")).status())
			.isEqualTo(403);
		assertThat(api.call("GET", "/api/v1/supervision/overview", qa.token(), null).status()).isEqualTo(403);
		assertThat(api.call("GET", "/api/v1/admin/staff", qa.token(), null).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/auth/me", qa.token()).path("permissions").valueStream().map(JsonNode::asString))
			.containsExactly("conversation.read", "qa.review", "report.read");
	}

	@Test
	void aSupervisorRoleOnOneGroupWatchesThatGroupOnly() {
		CenterB b = centerB();
		String returns = chatIn(b.group(), "Refund please");
		String general = chatIn(tenant.group().id(), "Parcel please");
		String role = roles.role("Returns lead", List.of("conversation.supervise", "conversation.read"));
		Person lead = roles.person(role, "GROUP", b.group(), List.of());

		try (LiveClient socket = LiveClient.authenticated(api.http(), port, lead.token())) {
			socket.send("{\"type\":\"watch\",\"id\":\"r\",\"conversationId\":\"" + returns + "\"}");
			assertThat(socket.next("watching").path("conversationId").asString()).isEqualTo(returns);
			socket.send("{\"type\":\"watch\",\"id\":\"g\",\"conversationId\":\"" + general + "\"}");
			assertThat(socket.next("error").path("code").asString()).isEqualTo("forbidden");
		}
		JsonNode overview = api.get("/api/v1/supervision/overview", lead.token());
		assertThat(overview.toString()).contains("Returns").doesNotContain("\"General\"");
	}

	@Test
	void narrowingARoleRefusesItsHoldersAtOnceAndEndsTheirOpenSockets() {
		String role = roles.role("Desk", List.of("conversation.handle"));
		Person agent = roles.person(role, "ORGANIZATION", null, List.of(tenant.group().id()));
		assertThat(api.call("PUT", "/api/v1/agents/me/status", agent.token(), Map.of("status", "ONLINE")).status())
			.isEqualTo(200);
		try (LiveClient socket = LiveClient.authenticated(api.http(), port, agent.token())) {
			api.put("/api/v1/admin/roles/" + role, admin, Map.of("name", "Desk", "permissions", List.of("contact.read")));
			assertThat(socket.next("error").path("code").asString()).isEqualTo("session-changed");
		}
		assertThat(api.call("PUT", "/api/v1/agents/me/status", agent.token(), Map.of("status", "AWAY")).status())
			.isEqualTo(403);
	}

	@Test
	void rolesAndGrantsAreAuditedWithBeforeAndAfter() {
		String role = roles.role("Auditors", List.of("audit.read"));
		Person auditor = roles.person(role, "ORGANIZATION", null, List.of());
		api.put("/api/v1/admin/roles/" + role, admin, Map.of("name", "Auditors", "permissions", List.of("audit.read",
				"report.read")));
		api.delete("/api/v1/admin/roles/" + role, admin);

		JsonNode entries = api.get("/api/v1/admin/audit?size=50", admin).path("entries");
		List<String> actions = entries.valueStream().map(e -> e.path("action").asString()).toList();
		assertThat(actions).contains("role.created", "role.changed", "role.deleted", "staff.grants-changed");
		JsonNode changed = entries.valueStream().filter(e -> e.path("action").asString().equals("role.changed"))
			.findFirst().orElseThrow();
		assertThat(changed.toString()).contains("report.read");
		// Deleting the role took its grant: the auditor holds nothing now.
		assertThat(api.call("GET", "/api/v1/admin/audit", auditor.token(), null).status()).isEqualTo(403);
	}

	@Test
	void kbEditWritesDraftsButOnlyKbPublishPutsAnArticleBeforeCustomers() {
		Person writer = roles.holding(List.of("kb.edit"));
		Map<String, Object> article = Map.of("kind", "FAQ", "title", "Returns within 30 days", "body", "Yes.");
		Map<String, Object> published = new java.util.HashMap<>(article);
		published.put("status", "PUBLISHED");
		Api.Response refused = api.call("POST", "/api/v1/knowledge/articles", writer.token(), published);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().path("detail").asString()).contains("kb.publish");
		Map<String, Object> draft = new java.util.HashMap<>(article);
		draft.put("status", "DRAFT");
		assertThat(api.call("POST", "/api/v1/knowledge/articles", writer.token(), draft).status()).isEqualTo(201);

		Person publisher = roles.holding(List.of("kb.edit", "kb.publish"));
		assertThat(api.call("POST", "/api/v1/knowledge/articles", publisher.token(), published).status()).isEqualTo(201);
	}

	@Test
	void badRolesAndGrantsAreRefusedAndStoreNothing() {
		int before = api.get("/api/v1/admin/roles", admin).path("roles").size();
		assertThat(api.call("POST", "/api/v1/admin/roles", admin, Map.of("name", "X", "permissions",
				List.of("kb.fly"))).code()).isEqualTo("unknown-permission");
		assertThat(api.call("POST", "/api/v1/admin/roles", admin, Map.of("name", "", "permissions", List.of()))
			.code()).isEqualTo("invalid-name");
		assertThat(api.call("POST", "/api/v1/admin/roles", admin, Map.of("name", "x".repeat(81), "permissions",
				List.of())).code()).isEqualTo("invalid-name");
		assertThat(api.call("POST", "/api/v1/admin/roles", admin, "{\"name\":\"Y\",\"permissions\":\"kb.edit\"}")
			.status()).isEqualTo(400);
		assertThat(api.get("/api/v1/admin/roles", admin).path("roles").size()).isEqualTo(before);

		String role = roles.role("Readers", List.of("contact.read"));
		assertThat(api.call("POST", "/api/v1/admin/roles", admin, Map.of("name", "Readers", "permissions",
				List.of())).status()).isEqualTo(409);
		TestTenant other = TestTenant.create(context, 1, 1);
		String staff = tenant.agent(0).id().toString();
		Api.Response foreignGroup = api.call("PUT", "/api/v1/admin/staff/" + staff + "/grants", admin, Map.of("grants",
				List.of(Map.of("roleId", role, "scope", "GROUP", "scopeId", other.group().id().toString()))));
		assertThat(foreignGroup.status()).isEqualTo(404);
		Api.Response foreignRole = api.call("PUT", "/api/v1/admin/staff/" + other.agent(0).id() + "/grants", admin,
				Map.of("grants", List.of(Map.of("roleId", role, "scope", "ORGANIZATION"))));
		assertThat(foreignRole.status()).isEqualTo(404);
		assertThat(api.call("PUT", "/api/v1/admin/staff/" + staff + "/grants", admin, Map.of("grants",
				List.of(Map.of("roleId", role, "scope", "CENTER")))).code()).isEqualTo("invalid-grant");
		assertThat(api.get("/api/v1/admin/staff/" + staff + "/grants", admin).path("grants").size()).isZero();
	}

	@Test
	void whoKeepsStaffCannotHandOutMoreThanTheyHold() {
		Person keeper = roles.holding(List.of("staff.manage", "report.read"));
		Api.Response wider = api.call("POST", "/api/v1/admin/roles", keeper.token(), Map.of("name", "Everything",
				"permissions", List.of("staff.manage", "settings.manage")));
		assertThat(wider.status()).isEqualTo(403);
		assertThat(wider.body().path("detail").asString()).contains("settings.manage");
		Api.Response promote = api.call("PUT", "/api/v1/admin/staff/" + tenant.agent(0).id(), keeper.token(),
				Map.of("displayName", "Agent", "roles", List.of("AGENT", "ADMIN"), "maxChats", 5, "enabled", true,
						"groupIds", List.of(tenant.group().id().toString())));
		assertThat(promote.status()).isEqualTo(403);
		String adminsRole = roles.role("Auditor", List.of("audit.read"));
		Api.Response self = api.call("PUT", "/api/v1/admin/staff/" + keeper.id() + "/grants", keeper.token(),
				Map.of("grants", List.of(Map.of("roleId", adminsRole, "scope", "ORGANIZATION"))));
		assertThat(self.status()).isEqualTo(403);
		// Within what they hold, they may.
		assertThat(api.call("POST", "/api/v1/admin/roles", keeper.token(), Map.of("name", "Report readers",
				"permissions", List.of("report.read"))).status()).isEqualTo(201);
		assertThat(api.get("/api/v1/admin/staff/" + tenant.agent(0).id(), admin).path("roles").toString())
			.doesNotContain("ADMIN");
	}

	@Test
	void theCatalogueListsEveryPermissionAndThePresetsAsTheyAlwaysWere() {
		JsonNode catalogue = api.get("/api/v1/admin/roles", admin);
		assertThat(catalogue.path("permissions").valueStream().map(p -> p.path("key").asString()))
			.contains("conversation.read", "report.read", "kb.publish", "qa.review", "audit.read", "data.erase");
		JsonNode supervisor = catalogue.path("presets").valueStream()
			.filter(p -> p.path("role").asString().equals("SUPERVISOR")).findFirst().orElseThrow();
		assertThat(supervisor.path("permissions").path("conversation.supervise").asString()).isEqualTo("MEMBER_GROUPS");
		assertThat(supervisor.path("permissions").has("data.erase")).isFalse();
		JsonNode adminPreset = catalogue.path("presets").path(0);
		assertThat(adminPreset.path("role").asString()).isEqualTo("ADMIN");
		assertThat(adminPreset.path("permissions").size()).isEqualTo(catalogue.path("permissions").size());
	}
}
