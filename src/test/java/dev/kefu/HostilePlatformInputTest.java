package dev.kefu;

import static dev.kefu.HostileInputTest.LONE_SURROGATE;
import static dev.kefu.HostileInputTest.MEGABYTE;
import static dev.kefu.HostileInputTest.NUL;
import static dev.kefu.HostileInputTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kefu.organization.StaffMembers;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * What a platform operator's slip (or a stolen operator login) can send to the platform API: bad slugs, broken text,
 * a megabyte, the wrong JSON types and ids that do not exist. Each is a 4xx problem, never a 500, and nothing is kept:
 * no organization half made, no limit or status changed.
 */
@ServerTest
class HostilePlatformInputTest {

	static final String ORGS = "/api/v1/platform/organizations";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Api api;
	TestTenant tenant;
	String operator;

	@BeforeEach
	void anOperatorAndAnOrganization() {
		api = new Api(port);
		TestTenant home = TestTenant.create(context, 0, 1);
		UUID admin = context.getBean(StaffMembers.class).all(home.id()).getFirst().id();
		jdbc.sql("INSERT INTO platform_operator (user_id, organization_id, granted_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
			.params(admin, home.id())
			.update();
		operator = home.adminToken(api);
		tenant = TestTenant.create(context, 1, 1);
	}

	@Test
	void aNewOrganizationRefusesBadSlugsBrokenTextHugeNamesAndWrongTypes() {
		String admin = "\"admin\": {\"username\": \"boss\", \"password\": \"a-good-password-1\"}";
		for (String slug : new String[] { "\"Bad Slug!\"", "\"-x\"", "\"a\"", "\"" + "a".repeat(64) + "\"",
				LONE_SURROGATE, NUL, "[\"acme\"]", "{\"a\": 1}" }) {
			assertProblem(api.call("POST", ORGS, operator, "{\"slug\": " + slug + ", \"name\": \"N\", " + admin + "}"),
					400);
		}
		assertProblem(api.call("POST", ORGS, operator, "{\"slug\": \"hostile-a\", \"name\": " + NUL + ", " + admin + "}"),
				400);
		assertProblem(api.call("POST", ORGS, operator,
				"{\"slug\": \"hostile-a\", \"name\": \"" + MEGABYTE + "\", " + admin + "}"), 400);
		assertProblem(api.call("POST", ORGS, operator,
				"{\"slug\": \"hostile-a\", \"name\": \"N\", \"timeZone\": \"Mars/Base\", " + admin + "}"), 400);
		assertProblem(api.call("POST", ORGS, operator, "{\"slug\": \"hostile-a\", \"name\": \"N\", \"admin\": \"boss\"}"),
				400);
		assertProblem(api.call("POST", ORGS, operator, "{\"slug\": \"hostile-a\", \"name\": \"N\"}"), 400);
		// The organization is made before its admin: a refused admin must take the organization with it.
		assertProblem(api.call("POST", ORGS, operator, "{\"slug\": \"hostile-a\", \"name\": \"N\", "
				+ "\"admin\": {\"username\": \"no spaces\", \"password\": \"a-good-password-1\"}}"), 400);
		assertProblem(api.call("POST", ORGS, operator, "{\"slug\": \"hostile-a\", \"name\": \"N\", "
				+ "\"admin\": {\"username\": \"boss\", \"password\": \"short\"}}"), 400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organization WHERE slug LIKE 'hostile-%' OR slug LIKE 'bad%'")
			.query(Long.class).single()).as("no organization was kept").isZero();
	}

	@Test
	void limitsSuspensionAndDeletionRefuseWrongTypesHugeReasonsAndUnknownIds() {
		String limits = ORGS + "/" + tenant.id() + "/limits";
		assertProblem(api.call("PUT", limits, operator, "{\"maxSeats\": \"many\"}"), 400);
		assertProblem(api.call("PUT", limits, operator, "{\"maxSeats\": -1}"), 400);
		assertProblem(api.call("PUT", limits, operator, "{\"maxStorageBytes\": 1e40}"), 400);
		assertProblem(api.call("PUT", limits, operator, "{\"apiRequestsPerMinute\": [60]}"), 400);
		assertProblem(api.call("PUT", ORGS + "/" + UUID.randomUUID() + "/limits", operator, "{\"maxSeats\": 1}"), 404);
		assertProblem(api.call("PUT", ORGS + "/not-an-id/limits", operator, "{\"maxSeats\": 1}"), 400);

		String suspend = ORGS + "/" + tenant.id() + "/suspend";
		assertProblem(api.call("POST", suspend, operator, "{\"reason\": \"" + MEGABYTE + "\"}"), 400);
		assertProblem(api.call("POST", suspend, operator, "{\"reason\": " + NUL + "}"), 400);
		assertProblem(api.call("POST", suspend, operator, "{\"reason\": " + LONE_SURROGATE + "}"), 400);
		assertProblem(api.call("POST", suspend, operator, "{\"reason\": [1]}"), 400);
		assertProblem(api.call("POST", ORGS + "/" + UUID.randomUUID() + "/suspend", operator, "{}"), 404);
		assertProblem(api.call("POST", ORGS + "/" + UUID.randomUUID() + "/resume", operator, null), 404);
		assertProblem(api.call("DELETE", ORGS + "/" + UUID.randomUUID() + "?confirm=x", operator, null), 404);
		assertProblem(api.call("DELETE", ORGS + "/" + tenant.id() + "?confirm=%ED%A0%80", operator, null), 400);

		assertProblem(api.call("POST", "/api/v1/platform/operators", operator, "{\"organizationId\": \"x\"}"), 400);
		assertProblem(api.call("POST", "/api/v1/platform/operators", operator,
				"{\"organizationId\": \"" + tenant.id() + "\", \"userId\": \"" + UUID.randomUUID() + "\"}"), 404);
		assertProblem(api.call("DELETE", "/api/v1/platform/operators/" + UUID.randomUUID(), operator, null), 404);

		JsonNode listed = api.get(ORGS, operator).valueStream()
			.filter(o -> o.path("id").asString().equals(tenant.id().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(listed.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(listed.path("limits").path("maxSeats").isNull() || listed.path("limits").path("maxSeats").isMissingNode())
			.as("no limit was set").isTrue();
	}
}
