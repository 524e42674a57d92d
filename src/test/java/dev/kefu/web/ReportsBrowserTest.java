package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.TestTenant;

/** Reports in Chromium: after a chat was answered and closed, an admin sees it charted, in the table, and as CSV. */
@BrowserTest
class ReportsBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void adminSeesTheDaysClosedChatChartedTabledAndDownloadsItAsCsv() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String admin = tenant.adminToken(api);
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0))
			.customer("Where is my parcel?")
			.agent("Hello! It left our warehouse today.");
		chat.close();
		// The reports are fed by events after the close: wait until the day has its chat.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/reports/kpis", admin).path("totals").path("conversations").asInt() == 1);

		try (Browser ops = Browser.open(1280, 800, "en-US")) {
			OpsPage.login(ops, api.base(), tenant.adminUsername());
			ops.click(By.id("tab-reports"));
			ops.withText(By.cssSelector("#kpi-table tbody tr.row td[data-figure=conversations]"), "1");
			ops.withText(By.cssSelector("#kpi-table tbody tr.row td[data-figure=answered]"), "1");
			ops.withText(By.cssSelector("#kpi-table tfoot td[data-figure=conversations]"), "1");
			// ECharts drew on its canvas: something other than transparent pixels.
			ops.await(d -> (Boolean) ops.script("""
					const canvas = document.querySelector('#chart-volume canvas');
					if (!canvas || !canvas.width) return false;
					const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
					return pixels.some((value, i) => i % 4 === 3 && value > 0);"""));
			ops.shown(By.cssSelector("#chart-speed canvas"));
			ops.shown(By.cssSelector("#chart-satisfaction canvas"));
			ops.screenshot("reports");

			ops.click(By.id("download-csv"));
			ops.withText(By.id("downloaded"), "kefu-kpis-");
			assertThat(ops.consoleErrors()).isEmpty();
		}
	}

	@Test
	void changingTheSplitReloadsTheReportWithoutAskingAgain() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String admin = tenant.adminToken(api);
		ServedChat.start(api, tenant, tenant.agentToken(api, 0))
			.customer("Where is my parcel?")
			.agent("Hello! It left our warehouse today.")
			.close();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/reports/kpis", admin).path("totals").path("conversations").asInt() == 1);

		try (Browser ops = Browser.open(1280, 800, "en-US")) {
			OpsPage.login(ops, api.base(), tenant.adminUsername());
			ops.click(By.id("tab-reports"));
			ops.withText(By.cssSelector("#kpi-table tbody tr.row td[data-figure=conversations]"), "1");
			new Select(ops.shown(By.id("report-by"))).selectByValue("agent");
			// No click on Show: the rows are the agent's now.
			ops.withText(By.cssSelector("#kpi-table tbody tr.row td:nth-child(2)"), tenant.agent(0).name());
			assertThat(ops.consoleErrors()).isEmpty();
		}
	}
}
