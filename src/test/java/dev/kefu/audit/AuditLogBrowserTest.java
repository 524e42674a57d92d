package dev.kefu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * The admin console's audit log, in Chinese: the admin narrows it to today's tag changes, sees who changed what with
 * the value after, and downloads the same selection as CSV, which the log then records too.
 */
@BrowserTest
class AuditLogBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void adminFiltersTheLogSeesAChangeAndDownloadsIt() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String token = tenant.adminToken(api);
		api.post("/api/v1/admin/tags", token, Map.of("name", "退款", "colour", "#cc0000"));
		api.call("POST", "/api/v1/auth/login", null, Map.of("username", tenant.agent(0).username(), "password", "wrong-1"));

		try (Browser admin = Browser.open(1400, 1000, "zh-CN")) {
			admin.get(api.base() + "/admin/");
			admin.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			admin.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			admin.click(By.cssSelector("#login button[type=submit]"));
			admin.withText(By.id("tab-audit"), "审计日志");
			admin.click(By.id("tab-audit"));
			admin.shown(By.cssSelector("#audit-list tr[data-action='auth.login-failed']"));

			// A date field takes keys in the browser's own order; set it as a date picker would.
			admin.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))",
					admin.shown(By.cssSelector("#audit-filter input[name=from]")), LocalDate.now().toString());
			admin.type(By.cssSelector("#audit-filter input[name=action]"), "tag.");
			admin.click(By.cssSelector("#audit-filter button[type=submit]"));
			admin.withText(By.id("audit-count"), "共 1 条");
			assertThat(admin.withText(By.cssSelector("#audit-list tr[data-action='tag.created']"), "退款").getText())
				.contains("Admin", "127.0.0.1");
			assertThat(admin.driver().findElements(By.cssSelector("#audit-list tr[data-action='auth.login-failed']")))
				.isEmpty();
			admin.screenshot("admin-audit-log");

			admin.click(By.id("audit-csv"));
			await().until(() -> api.get("/api/v1/admin/audit?action=audit.exported", token).path("entries").size() == 1);
			assertThat(api.get("/api/v1/admin/audit?action=audit.exported", token).path("entries").get(0)
				.path("detail").asString()).startsWith("1 entries").contains("action tag.");
			assertThat(admin.consoleErrors()).isEmpty();
		}
	}
}
