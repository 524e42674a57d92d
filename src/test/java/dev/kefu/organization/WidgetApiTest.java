package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** Admins set up the visitor widget; the widget reads its public part without signing in. */
@ServerTest
class WidgetApiTest {

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
		tenant = TestTenant.create(context, 1, 1);
		admin = api.login(tenant.adminUsername(), TestTenant.PASSWORD);
	}

	@Test
	void adminSavesWidgetSettingsAndVisitorsReadThemPublicly() {
		api.put("/api/v1/admin/widget", admin, settings("#0a7f3f", tenant.group().id().toString()));

		assertThat(api.get("/api/v1/admin/widget", admin).path("defaultGroupId").asString())
			.isEqualTo(tenant.group().id().toString());
		JsonNode widget = api.get("/api/v1/widget/" + tenant.slug(), null);
		assertThat(widget.path("title").asString()).isEqualTo("Kefu Shop");
		assertThat(widget.path("primaryColor").asString()).isEqualTo("#0a7f3f");
		assertThat(widget.path("greeting").asString()).isEqualTo("您好！");
		assertThat(widget.path("prechatFields").get(0).path("key").asString()).isEqualTo("phone");
		assertThat(widget.path("open").asBoolean()).isTrue();
		assertThat(widget.has("defaultGroupId")).isFalse();
	}

	@Test
	void publicWidgetSaysClosedOutsideTheDefaultGroupsBusinessHours() {
		int today = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getDayOfWeek().getValue();
		int anotherDay = today % 7 + 1;
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/hours", admin,
				Map.of("hours", List.of(Map.of("dayOfWeek", anotherDay, "opensAt", "00:00", "closesAt", "23:59"))));

		assertThat(api.get("/api/v1/widget/" + tenant.slug(), null).path("open").asBoolean()).isFalse();
	}

	@Test
	void publicWidgetSaysWhenAClosedServiceReopensSkippingAHolidayToday() {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		LocalDate today = LocalDate.now(shanghai);
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/hours", admin, Map.of("hours",
				IntStream.rangeClosed(1, 7)
					.mapToObj(d -> Map.of("dayOfWeek", d, "opensAt", "08:00", "closesAt", "20:00"))
					.toList()));
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/holidays", admin,
				Map.of("holidays", List.of(Map.of("date", today.toString()))));

		JsonNode widget = api.get("/api/v1/widget/" + tenant.slug(), null);
		assertThat(widget.path("open").asBoolean()).isFalse();
		assertThat(widget.path("nextOpening").asString()).isEqualTo(today.plusDays(1) + "T08:00:00+08:00");
		assertThat(widget.path("timeZone").asString()).isEqualTo("Asia/Shanghai");

		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/hours", admin, Map.of("hours", List.of()));
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/holidays", admin, Map.of("holidays", List.of()));
		JsonNode open = api.get("/api/v1/widget/" + tenant.slug(), null);
		assertThat(open.path("open").asBoolean()).isTrue();
		assertThat(open.has("nextOpening")).isFalse();
	}

	@Test
	void primaryColourMustBeHexRgb() {
		for (String colour : List.of("red", "#12345", "#12345g", "1f6feb1")) {
			Api.Response response = api.call("PUT", "/api/v1/admin/widget", admin, settings(colour, null));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("invalid-color");
		}
	}

	@Test
	void badWidgetInputIsRejectedWithProblemCodes() {
		Map<String, Object> noFields = settings("#1f6feb", null);
		noFields.remove("prechatFields");
		Map<String, Object> badField = settings("#1f6feb", null);
		badField.put("prechatFields", List.of(Map.of("key", "phone", "label", "Phone", "type", "telepathy", "required", false)));

		Api.Response missing = api.call("PUT", "/api/v1/admin/widget", admin, noFields);
		assertThat(missing.code()).as(missing.text()).isEqualTo("invalid-prechat-field");
		Api.Response bad = api.call("PUT", "/api/v1/admin/widget", admin, badField);
		assertThat(bad.code()).as(bad.text()).isEqualTo("invalid-prechat-field");
		assertThat(api.call("PUT", "/api/v1/admin/widget", admin, "{\"title\":").code()).isEqualTo("malformed-request");
	}

	@Test
	void defaultGroupOfAnotherOrganizationIsNotFound() {
		TestTenant other = TestTenant.create(context, 0, 1);

		Api.Response response = api.call("PUT", "/api/v1/admin/widget", admin,
				settings("#1f6feb", other.group().id().toString()));

		assertThat(response.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/widget/" + other.slug(), null).path("title").asString()).isEqualTo("Kefu");
	}

	@Test
	void unknownOrganizationsWidgetIsNotFound() {
		Api.Response response = api.call("GET", "/api/v1/widget/no-such-org", null, null);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.code()).isEqualTo("not-found");
	}

	private static Map<String, Object> settings(String colour, String defaultGroupId) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", "Kefu Shop");
		body.put("primaryColor", colour);
		body.put("greeting", "您好！");
		body.put("prechatFields", List.of(Map.of("key", "phone", "label", "电话", "type", "phone", "required", true)));
		body.put("defaultGroupId", defaultGroupId);
		return body;
	}
}
