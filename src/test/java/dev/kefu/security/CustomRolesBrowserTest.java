package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * In Chinese, as a bank's admin would: a role "QA read-only" made in the console with three permissions, granted to a
 * new inspector for one center; the inspector then signs in to the staff app and finds search, figures and quality,
 * but no live floor and no admin console.
 */
@BrowserTest
class CustomRolesBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void adminMakesARoleGrantsItOnACenterAndTheHolderSeesOnlyWhatItOpens() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String token = tenant.adminToken(api);
		String username = "qa-b-" + tenant.slug();
		String inspector = api.post("/api/v1/admin/staff", token, Map.of("username", username, "displayName", "质检 王芳",
				"password", TestTenant.PASSWORD, "roles", List.of(), "maxChats", 1, "enabled", true, "groupIds", List.of()))
			.path("id").asString();

		try (Browser admin = Browser.open(1400, 1000, "zh-CN")) {
			admin.get(api.base() + "/admin/");
			admin.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			admin.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			admin.click(By.cssSelector("#login button[type=submit]"));
			admin.click(By.id("tab-roles"));
			admin.type(By.cssSelector("#role-form input[name=roleName]"), "质检只读");
			for (String permission : List.of("conversation.read", "report.read", "qa.review")) {
				admin.click(By.cssSelector("#role-form input[name='permission-" + permission + "']"));
			}
			admin.click(By.cssSelector("#role-form button[type=submit]"));
			assertThat(admin.shown(By.cssSelector("#custom-roles tr[data-role='质检只读']")).getText())
				.contains("conversation.read", "report.read", "qa.review");

			new Select(admin.shown(By.cssSelector("#role-grants select[name=holder]"))).selectByValue(inspector);
			new Select(admin.shown(By.cssSelector("#grant-form select[name=grantRole]"))).selectByVisibleText("质检只读");
			new Select(admin.shown(By.cssSelector("#grant-form select[name=grantScope]"))).selectByValue("CENTER");
			new Select(admin.shown(By.cssSelector("#grant-form select[name=grantTarget]")))
				.selectByValue(tenant.group().centerId().toString());
			admin.click(By.cssSelector("#grant-form button[type=submit]"));
			admin.withText(By.id("effective-permissions"), "conversation.read, qa.review, report.read");
			assertThat(admin.shown(By.cssSelector("#role-grants ul.grants")).getText()).contains("质检只读", "中心");
			admin.screenshot("admin-custom-roles");
			assertThat(admin.consoleErrors()).isEmpty();
		}

		try (Browser staff = Browser.open(1200, 900, "zh-CN")) {
			staff.get(api.base() + "/ops/");
			staff.type(By.cssSelector("#login input[name=username]"), username);
			staff.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			staff.click(By.cssSelector("#login button[type=submit]"));
			staff.shown(By.id("tab-quality"));
			List<String> tabs = staff.driver().findElements(By.cssSelector("[role=tab]")).stream()
				.map(tab -> tab.getDomAttribute("id")).toList();
			assertThat(tabs).contains("tab-search", "tab-reports", "tab-quality").doesNotContain("tab-live");
			assertThat(staff.consoleErrors()).isEmpty();

			staff.get(api.base() + "/admin/");
			staff.type(By.cssSelector("#login input[name=username]"), username);
			staff.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			staff.click(By.cssSelector("#login button[type=submit]"));
			staff.withText(By.cssSelector("#login [role=alert]"), "没有管理后台的任何权限");
		}
	}
}
