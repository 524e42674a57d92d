package dev.kefu;

import static dev.kefu.HostileInputTest.LONE_SURROGATE;
import static dev.kefu.HostileInputTest.MEGABYTE;
import static dev.kefu.HostileInputTest.NUL;
import static dev.kefu.HostileInputTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * What an outsider, or an admin's slip, can send to the inputs added for masking, the audit log, retention, legal
 * holds, the widget's allowed sites, single sign-on and two-factor sign-in: broken text, a megabyte, the wrong JSON
 * types and another organization's ids. Each is a 4xx problem, never a 500, and none of it is stored.
 */
@ServerTest
class HostileSecurityInputTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	TestTenant other;
	String admin;

	@BeforeEach
	void twoOrganizations() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		other = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
	}

	@Test
	void privacyPatternsAndModeRefuseBrokenTextHugeAndWrongTypes() {
		String patterns = "/api/v1/admin/privacy/patterns";
		assertProblem(api.call("POST", patterns, admin, "{\"name\": " + LONE_SURROGATE + ", \"regex\": \"PL[0-9]{8}\"}"), 400);
		assertProblem(api.call("POST", patterns, admin, "{\"name\": " + NUL + ", \"regex\": \"PL[0-9]{8}\"}"), 400);
		assertProblem(api.call("POST", patterns, admin, "{\"name\": \"policy\", \"regex\": \"" + MEGABYTE + "\"}"), 400);
		assertProblem(api.call("POST", patterns, admin, "{\"name\": \"policy\", \"regex\": [\"PL\"]}"), 400);
		assertProblem(api.call("POST", patterns, admin, "{\"name\": \"policy\", \"regex\": \"PL[0-9]{8}\", "
				+ "\"replacement\": " + LONE_SURROGATE + "}"), 400);
		assertThat(api.get(patterns, admin).size()).as("nothing was kept").isZero();

		String settings = "/api/v1/admin/privacy/settings";
		assertProblem(api.call("PUT", settings, admin, "{\"mode\": [\"ON_DISPLAY\"]}"), 400);
		assertProblem(api.call("PUT", settings, admin, "{\"mode\": " + LONE_SURROGATE + "}"), 400);
		assertThat(api.get(settings, admin).path("mode").asString()).isEqualTo("AT_REST");
		assertThat(api.call("POST", "/api/v1/admin/privacy/test", admin, "{\"text\": \"" + MEGABYTE + "\"}").status())
			.as("a megabyte to try is refused or answered, never a 500").isLessThan(500);
	}

	@Test
	void auditFiltersAndRetentionRefuseBrokenTextAndWrongTypes() {
		assertProblem(api.call("GET", "/api/v1/admin/audit?q=%ED%A0%80", admin, null), 400);
		assertProblem(api.call("GET", "/api/v1/admin/audit?from=yesterday", admin, null), 400);
		assertProblem(api.call("GET", "/api/v1/admin/audit?size=-1", admin, null), 400);
		assertProblem(api.call("PUT", "/api/v1/admin/audit/settings", admin, "{\"retentionDays\": \"many\"}"), 400);
		assertProblem(api.call("PUT", "/api/v1/admin/audit/settings", admin, "{\"retentionDays\": 5}"), 400);
		assertThat(api.get("/api/v1/admin/audit/settings", admin).path("retentionDays").asInt()).isEqualTo(1095);
	}

	@Test
	void retentionAndLegalHoldsRefuseWrongTypesHugeReasonsAndAnotherOrganizationsContact() {
		assertProblem(api.call("PUT", "/api/v1/admin/retention", admin, "{\"conversationDays\": \"a year\"}"), 400);
		assertProblem(api.call("PUT", "/api/v1/admin/retention", admin, "{\"mode\": \"SHRED\"}"), 400);
		JsonNode retention = api.get("/api/v1/admin/retention", admin);
		assertThat(retention.path("conversationDays").isNumber()).as("still kept forever").isFalse();
		assertThat(retention.path("mode").asString()).isEqualTo("DELETE");

		String contact = api.put("/api/v1/visitor/profile", api.visitor(tenant.slug()), Map.of("name", "Li"))
			.path("id").asString();
		String foreign = api.put("/api/v1/visitor/profile", api.visitor(other.slug()), Map.of("name", "Wu"))
			.path("id").asString();
		String hold = "/api/v1/contacts/" + contact + "/legal-hold";
		assertProblem(api.call("PUT", hold, admin, "{\"reason\": " + NUL + "}"), 400);
		assertProblem(api.call("PUT", hold, admin, "{\"reason\": \"" + MEGABYTE + "\"}"), 400);
		assertProblem(api.call("PUT", "/api/v1/contacts/" + foreign + "/legal-hold", admin, "{\"reason\": \"x\"}"), 404);
		assertProblem(api.call("POST", "/api/v1/contacts/" + foreign + "/erase", admin, null), 404);
		assertThat(api.call("POST", "/api/v1/contacts/" + contact + "/erase", admin, null).status())
			.as("no hold was set by the refused requests").isEqualTo(200);
	}

	@Test
	void allowedSitesSingleSignOnAndTwoFactorRefuseBrokenTextAndWrongTypes() {
		assertProblem(api.call("PUT", "/api/v1/admin/widget", admin, "{\"allowedSites\": [" + LONE_SURROGATE + "]}"), 400);
		assertProblem(api.call("PUT", "/api/v1/admin/widget", admin, "{\"allowedSites\": \"https://shop.example\"}"),
				400);
		assertThat(api.get("/api/v1/admin/widget", admin).path("allowedSites").size()).isZero();

		assertProblem(api.call("PUT", "/api/v1/admin/sso", admin, "{\"enabled\": true, \"issuerUri\": " + LONE_SURROGATE
				+ ", \"clientId\": \"kefu\"}"), 400);
		assertProblem(api.call("PUT", "/api/v1/admin/sso", admin, "{\"enabled\": \"sure\"}"), 400);
		assertProblem(api.call("PUT", "/api/v1/admin/sign-in", admin, "{\"requireTwoFactor\": \"yes\"}"), 400);

		int step = api.call("POST", "/api/v1/auth/login/two-factor", null, "{\"challenge\": " + LONE_SURROGATE
				+ ", \"code\": \"123456\"}").status();
		assertThat(step).as("a broken challenge is refused, never a 500").isIn(400, 401);
		assertProblem(api.call("POST", "/api/v1/auth/login/two-factor", null, "{\"challenge\": [1], \"code\": 1}"), 400);
		assertProblem(api.call("DELETE", "/api/v1/admin/staff/" + other.agent(0).id() + "/sessions/" + UUID.randomUUID(),
				admin, null), 404);
	}
}
