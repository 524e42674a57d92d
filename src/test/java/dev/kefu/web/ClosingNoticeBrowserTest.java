package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * After hours the widget says when the service opens next, in the group's time zone (Beijing time, as the test
 * organization keeps), naming the zone when the visitor's clock is another; a holiday today pushes it on.
 */
@BrowserTest
class ClosingNoticeBrowserTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	static final List<String> ZHOU = List.of("周一", "周二", "周三", "周四", "周五", "周六", "周日");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void afterHoursTheWidgetSaysWhenTheServiceReopensInItsOwnTimeZone() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		// Open only tomorrow, so closed now whatever the hour.
		DayOfWeek tomorrow = LocalDate.now(SHANGHAI).plusDays(1).getDayOfWeek();
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/hours", tenant.adminToken(api), Map.of("hours",
				List.of(Map.of("dayOfWeek", tomorrow.getValue(), "opensAt", "09:00", "closesAt", "18:00"))));

		try (Browser visitor = Browser.open(1280, 800, "en-US")) {
			visitorIn(visitor, "Europe/London");
			visitor.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(visitor);
			String notice = "We reopen " + tomorrow.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " 09:00 (Beijing time).";
			visitor.withText(By.cssSelector("#prechat #closing-notice"), notice);
			visitor.click(By.cssSelector("#prechat button[type=submit]"));
			visitor.withText(By.cssSelector("#leave #closing-notice"), notice);
			assertThat(visitor.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aHolidayTheAdminSetsForTodayPushesTheReopeningToTheNextWorkingDay() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		String group = "/api/v1/admin/groups/" + tenant.group().id();
		LocalDate today = LocalDate.now(SHANGHAI);
		api.put(group + "/hours", admin, Map.of("hours", IntStream.rangeClosed(1, 7)
			.mapToObj(d -> Map.of("dayOfWeek", d, "opensAt", "09:00", "closesAt", "18:00"))
			.toList()));
		try (Browser console = Browser.open(1280, 900, "zh-CN")) {
			console.get(api.base() + "/admin/");
			console.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			console.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			console.click(By.cssSelector("#login button[type=submit]"));
			console.click(By.id("tab-groups"));
			console.click(By.cssSelector("tr[data-group='General'] .edit-holidays"));
			console.click(By.cssSelector("#holidays .add"));
			// A date field takes keys in the browser's own order (月/日/年 or dd/mm); set it as a date picker would.
			console.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))",
					console.shown(By.cssSelector("#holidays .holiday input[type=date]")), today.toString());
			console.type(By.cssSelector("#holidays .holiday input:not([type])"), "公司年会");
			console.click(By.cssSelector("#holidays button[type=submit]"));
			console.await(d -> d.findElements(By.id("holidays")).isEmpty());
			assertThat(console.consoleErrors()).isEmpty();
		}
		assertThat(api.get(group + "/holidays", admin).path("holidays").get(0).path("name").asString()).isEqualTo("公司年会");

		try (Browser visitor = Browser.open(1280, 800, "zh-CN")) {
			visitorIn(visitor, "Asia/Shanghai");
			visitor.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(visitor);
			// The visitor's clock is the service's: no zone named.
			visitor.withText(By.cssSelector("#prechat #closing-notice"),
					"我们将于 " + ZHOU.get(today.plusDays(1).getDayOfWeek().getValue() - 1) + " 09:00 恢复服务。");
			assertThat(visitor.consoleErrors()).isEmpty();
		}
		assertThat(api.get("/api/v1/widget/" + tenant.slug(), null).path("nextOpening").asString())
			.isEqualTo(today.plusDays(1) + "T09:00:00+08:00");
	}

	/** The visitor's computer clock, as Chrome would take it from the system. */
	private static void visitorIn(Browser visitor, String zone) {
		((ChromeDriver) visitor.driver()).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
	}
}
