package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** Admins manage centers, groups and business hours over HTTP, each only within their own organization. */
@ServerTest
class AdminGroupsApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;

	@BeforeEach
	void adminOfAFreshOrganization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 2);
		admin = api.login(tenant.adminUsername(), TestTenant.PASSWORD);
	}

	@Test
	void adminCreatesCenterAndGroupAndListsThem() {
		String center = api.post("/api/v1/admin/centers", admin, Map.of("name", "Beijing")).path("id").asString();
		JsonNode group = api.post("/api/v1/admin/groups", admin, group(center, "After-sales", 30, "REQUEUE", 5));

		assertThat(group.path("name").asString()).isEqualTo("After-sales");
		assertThat(group.path("requeueMinutes").asInt()).isEqualTo(5);
		assertThat(api.get("/api/v1/admin/centers", admin).valueStream().map(c -> c.path("name").asString()))
			.contains("Beijing", "Center");
		assertThat(api.get("/api/v1/admin/groups", admin).valueStream().map(g -> g.path("name").asString()))
			.containsExactly("After-sales", "General");
	}

	@Test
	void adminUpdatesQueueLimitOfflinePolicyRequeueDelayAndCenter() {
		String other = api.post("/api/v1/admin/centers", admin, Map.of("name", "Chengdu")).path("id").asString();

		JsonNode updated = api.put(groupPath(), admin, group(other, "General support", 7, "REQUEUE", 3));

		assertThat(updated.path("centerId").asString()).isEqualTo(other);
		assertThat(updated.path("queueLimit").asInt()).isEqualTo(7);
		assertThat(updated.path("offlinePolicy").asString()).isEqualTo("REQUEUE");
		assertThat(api.get(groupPath(), admin).path("name").asString()).isEqualTo("General support");
	}

	@Test
	void replyTargetsDefaultToOneAndThreeMinutesAndReachTheDesk() {
		assertThat(api.get(groupPath(), admin).path("replyWarnSeconds").asInt()).isEqualTo(60);

		Map<String, Object> request = new HashMap<>(group(tenant.group().centerId().toString(), "General", 10,
				"KEEP", 0));
		request.putAll(Map.of("replyWarnSeconds", 30, "replyAlertSeconds", 90));
		JsonNode updated = api.put(groupPath(), admin, request);

		assertThat(updated.path("replyAlertSeconds").asInt()).isEqualTo(90);
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		JsonNode seenByDesk = api.get("/api/v1/groups", agent).valueStream()
			.filter(g -> g.path("id").asString().equals(tenant.group().id().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(seenByDesk.path("replyWarnSeconds").asInt()).isEqualTo(30);
		assertThat(seenByDesk.path("replyAlertSeconds").asInt()).isEqualTo(90);
	}

	@Test
	void replyTargetsOutOfOrderAreRefusedAndTheGroupKeepsItsOwn() {
		Map<String, Object> request = new HashMap<>(group(tenant.group().centerId().toString(), "Renamed", 10,
				"KEEP", 0));
		request.putAll(Map.of("replyWarnSeconds", 120, "replyAlertSeconds", 60));

		Api.Response refused = api.call("PUT", groupPath(), admin, request);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("invalid-reply-targets");
		JsonNode kept = api.get(groupPath(), admin);
		assertThat(kept.path("name").asString()).isEqualTo("General");
		assertThat(kept.path("replyAlertSeconds").asInt()).isEqualTo(180);
	}

	@Test
	void centerWithGroupsIsNotDeletedAndSaysWhy() {
		String center = api.post("/api/v1/admin/centers", admin, Map.of("name", "Xi'an")).path("id").asString();
		String group = api.post("/api/v1/admin/groups", admin, group(center, "Night", 5, "KEEP", 0)).path("id")
			.asString();

		Api.Response refused = api.call("DELETE", "/api/v1/admin/centers/" + center, admin, null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("center-has-groups");
		assertThat(refused.contentType()).startsWith("application/problem+json");

		api.delete("/api/v1/admin/groups/" + group, admin);
		api.delete("/api/v1/admin/centers/" + center, admin);
		assertThat(api.get("/api/v1/admin/centers", admin).valueStream().map(c -> c.path("name").asString()))
			.doesNotContain("Xi'an");
	}

	@Test
	void renamedCenterKeepsItsGroups() {
		String center = tenant.group().centerId().toString();
		api.put("/api/v1/admin/centers/" + center, admin, Map.of("name", "Hangzhou"));
		assertThat(api.get("/api/v1/admin/centers", admin).valueStream().map(c -> c.path("name").asString()))
			.containsExactly("Hangzhou");
		assertThat(api.get(groupPath(), admin).path("centerId").asString()).isEqualTo(center);
	}

	@Test
	void groupWithMembersIsNotDeletedAndSaysWhy() {
		Api.Response refused = api.call("DELETE", groupPath(), admin, null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("group-has-members");
	}

	@Test
	void groupServingAChatIsNotDeletedEvenWithoutMembers() {
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		api.put("/api/v1/agents/me/status", agent, Map.of("status", "ONLINE"));
		api.post("/api/v1/visitor/conversations", api.visitor(tenant.slug()), "{}");
		await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/conversations/mine", agent).size() == 1);
		api.put("/api/v1/admin/staff/" + tenant.agent(0).id(), admin, Map.of("displayName", "Agent 1", "roles",
				List.of("AGENT"), "maxChats", 2, "enabled", true, "groupIds", List.of()));

		Api.Response refused = api.call("DELETE", groupPath(), admin, null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("group-in-use");
	}

	@Test
	void duplicateGroupNameIsAConflict() {
		Api.Response response = api.call("POST", "/api/v1/admin/groups", admin,
				group(tenant.group().centerId().toString(), "General", 5, "KEEP", 0));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.code()).isEqualTo("name-taken");
	}

	@Test
	void businessHoursAreReplacedAsAWholeWeek() {
		List<Map<String, Object>> week = List.of(hours(1, "09:00", "12:00"), hours(1, "13:00", "18:00"),
				hours(6, "10:00", "16:00"));

		JsonNode saved = api.put(groupPath() + "/hours", admin, Map.of("hours", week));

		assertThat(saved.path("hours").size()).isEqualTo(3);
		JsonNode read = api.get(groupPath() + "/hours", admin).path("hours");
		assertThat(read.get(1).path("dayOfWeek").asInt()).isEqualTo(1);
		assertThat(read.get(1).path("opensAt").asString()).startsWith("13:00");
		api.put(groupPath() + "/hours", admin, Map.of("hours", List.of()));
		assertThat(api.get(groupPath() + "/hours", admin).path("hours").size()).isZero();
	}

	@Test
	void overlappingBusinessHoursAreRejectedWithAProblem() {
		Api.Response response = api.call("PUT", groupPath() + "/hours", admin,
				Map.of("hours", List.of(hours(2, "09:00", "12:00"), hours(2, "11:30", "18:00"))));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo("overlapping-hours");
	}

	@Test
	void businessHoursOutsideTheWeekOrClosingBeforeOpeningAreRejected() {
		assertThat(api.call("PUT", groupPath() + "/hours", admin,
				Map.of("hours", List.of(hours(8, "09:00", "12:00")))).code()).isEqualTo("invalid-hours");
		assertThat(api.call("PUT", groupPath() + "/hours", admin,
				Map.of("hours", List.of(hours(3, "18:00", "09:00")))).code()).isEqualTo("invalid-hours");
		assertThat(api.call("PUT", groupPath() + "/hours", admin,
				"{\"hours\":[{\"dayOfWeek\":3,\"opensAt\":\"late\",\"closesAt\":\"18:00\"}]}").code())
			.isEqualTo("malformed-request");
	}

	@Test
	void holidaysAreReplacedAsAWholeListInDateOrder() {
		JsonNode saved = api.put(groupPath() + "/holidays", admin, Map.of("holidays", List.of(
				Map.of("date", "2026-10-11", "name", "调休", "opensAt", "09:00", "closesAt", "18:00"),
				Map.of("date", "2026-10-01", "name", " 国庆节 "))));

		assertThat(saved.path("holidays").size()).isEqualTo(2);
		JsonNode read = api.get(groupPath() + "/holidays", admin).path("holidays");
		assertThat(read.get(0).path("date").asString()).isEqualTo("2026-10-01");
		assertThat(read.get(0).path("name").asString()).isEqualTo("国庆节");
		assertThat(read.get(0).has("opensAt")).isFalse();
		assertThat(read.get(1).path("opensAt").asString()).startsWith("09:00");
		api.put(groupPath() + "/holidays", admin, Map.of("holidays", List.of()));
		assertThat(api.get(groupPath() + "/holidays", admin).path("holidays").size()).isZero();
	}

	@Test
	void holidaysListedTwiceOrWithHalfTheirHoursAreRejectedAndTheOldListKept() {
		api.put(groupPath() + "/holidays", admin, Map.of("holidays", List.of(Map.of("date", "2026-05-01"))));

		assertThat(api.call("PUT", groupPath() + "/holidays", admin, Map.of("holidays",
				List.of(Map.of("date", "2026-10-01"), Map.of("date", "2026-10-01")))).code()).isEqualTo("duplicate-holiday");
		assertThat(api.call("PUT", groupPath() + "/holidays", admin, Map.of("holidays",
				List.of(Map.of("date", "2026-10-01", "opensAt", "09:00")))).code()).isEqualTo("invalid-holidays");
		assertThat(api.call("PUT", groupPath() + "/holidays", admin, Map.of("holidays",
				List.of(Map.of("name", "no date")))).code()).isEqualTo("invalid-holidays");
		assertThat(api.call("PUT", groupPath() + "/holidays", admin,
				"{\"holidays\":[{\"date\":\"1 October\"}]}").status()).isEqualTo(400);
		assertThat(api.get(groupPath() + "/holidays", admin).path("holidays").get(0).path("date").asString())
			.isEqualTo("2026-05-01");
	}

	@Test
	void otherOrganizationsGroupIsNotFound() {
		TestTenant other = TestTenant.create(context, 0, 1);
		String otherAdmin = api.login(other.adminUsername(), TestTenant.PASSWORD);
		String body = "{\"centerId\":\"" + tenant.group().centerId() + "\",\"name\":\"Stolen\",\"queueLimit\":1,"
				+ "\"offlinePolicy\":\"KEEP\",\"requeueMinutes\":0}";

		assertThat(api.call("GET", groupPath(), otherAdmin, null).status()).isEqualTo(404);
		assertThat(api.call("PUT", groupPath(), otherAdmin, body).status()).isEqualTo(404);
		assertThat(api.call("DELETE", groupPath(), otherAdmin, null).status()).isEqualTo(404);
		assertThat(api.call("GET", groupPath() + "/hours", otherAdmin, null).status()).isEqualTo(404);
		assertThat(api.call("PUT", groupPath() + "/hours", otherAdmin, Map.of("hours", List.of())).status())
			.isEqualTo(404);
		assertThat(api.call("GET", groupPath() + "/holidays", otherAdmin, null).status()).isEqualTo(404);
		assertThat(api.call("PUT", groupPath() + "/holidays", otherAdmin, Map.of("holidays", List.of())).status())
			.isEqualTo(404);
		assertThat(api.call("POST", "/api/v1/admin/groups", otherAdmin, body).code()).isEqualTo("not-found");
		assertThat(api.call("DELETE", "/api/v1/admin/centers/" + tenant.group().centerId(), otherAdmin, null)
			.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/admin/groups", otherAdmin).valueStream().map(g -> g.path("id").asString()))
			.doesNotContain(tenant.group().id().toString());
	}

	@Test
	void agentsAndAnonymousCallersCannotUseTheAdminApi() {
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		Api.Response forbidden = api.call("GET", "/api/v1/admin/groups", agent, null);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.code()).isEqualTo("forbidden");
		assertThat(api.call("GET", "/api/v1/admin/groups", null, null).status()).isEqualTo(401);
	}

	@Test
	void badInputIsRejectedWithProblemCodes() {
		Api.Response malformed = api.call("POST", "/api/v1/admin/groups", admin, "{\"name\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
		assertThat(malformed.code()).isEqualTo("malformed-request");

		Api.Response wrongType = api.call("POST", "/api/v1/admin/groups", admin,
				"{\"centerId\":\"" + tenant.group().centerId() + "\",\"name\":\"X\",\"queueLimit\":\"many\","
						+ "\"offlinePolicy\":\"KEEP\",\"requeueMinutes\":0}");
		assertThat(wrongType.code()).isEqualTo("malformed-request");

		Api.Response unknownPolicy = api.call("POST", "/api/v1/admin/groups", admin,
				group(tenant.group().centerId().toString(), "X", 1, "SOMETIMES", 0));
		assertThat(unknownPolicy.code()).isEqualTo("malformed-request");

		Api.Response missing = api.call("POST", "/api/v1/admin/groups", admin, Map.of("name", "X"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.code()).as(missing.text()).isEqualTo("invalid-request");
		assertThat(missing.body().path("errors").valueStream().map(e -> e.path("field").asString()))
			.contains("centerId", "queueLimit", "offlinePolicy", "requeueMinutes");

		assertThat(api.call("POST", "/api/v1/admin/centers", admin, Map.of("name", " ")).code())
			.isEqualTo("invalid-name");
		assertThat(api.call("PUT", groupPath(), admin,
				group(tenant.group().centerId().toString(), "General", -1, "KEEP", 0)).code())
			.isEqualTo("invalid-queue-limit");
		assertThat(api.call("GET", "/api/v1/admin/groups/not-an-id", admin, null).code()).isEqualTo("invalid-id");
	}

	private String groupPath() {
		return "/api/v1/admin/groups/" + tenant.group().id();
	}

	static Map<String, Object> group(String centerId, String name, int queueLimit, String policy, int requeueMinutes) {
		return Map.of("centerId", centerId, "name", name, "queueLimit", queueLimit, "offlinePolicy", policy,
				"requeueMinutes", requeueMinutes);
	}

	static Map<String, Object> hours(int day, String opens, String closes) {
		return Map.of("dayOfWeek", day, "opensAt", opens, "closesAt", closes);
	}
}
