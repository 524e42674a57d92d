package dev.kefu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kefu.organization.StaffMembers;
import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * The platform console in Chromium: an operator creates an organization and suspends it, and that organization's chat
 * then says the service is unavailable instead of offering a chat. Someone who is no operator is told so.
 */
@BrowserTest
class PlatformConsoleBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffMembers staff;

	@Test
	void anOperatorCreatesAndSuspendsAnOrganizationWhoseChatThenSaysItIsUnavailable() {
		Api api = new Api(port);
		TestTenant home = TestTenant.create(context, 1, 1);
		UUID admin = staff.all(home.id()).stream().filter(m -> m.username().equals(home.adminUsername())).findFirst()
			.orElseThrow().id();
		jdbc.sql("INSERT INTO platform_operator (user_id, organization_id, granted_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
			.params(admin, home.id())
			.update();
		String slug = "c-" + UUID.randomUUID().toString().substring(0, 8);
		try (Browser browser = Browser.open(1280, 900, "en-US")) {
			browser.get(api.base() + "/platform/");
			browser.type(By.cssSelector("#login input[name=username]"), home.agent(0).username());
			browser.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			browser.click(By.cssSelector("#login button[type=submit]"));
			browser.withText(By.id("not-an-operator"), "Only a platform operator may use this console.");
			browser.click(By.xpath("//button[text()='Log out']"));

			browser.type(By.cssSelector("#login input[name=username]"), home.adminUsername());
			browser.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			browser.click(By.cssSelector("#login button[type=submit]"));
			browser.shown(By.cssSelector("#organization-list tr[data-slug='" + home.slug() + "']"));
			browser.type(By.id("new-slug"), slug);
			browser.type(By.id("new-name"), "Console Shop");
			browser.type(By.id("new-time-zone"), "Asia/Shanghai");
			browser.type(By.id("new-admin-username"), slug + "-admin");
			browser.type(By.id("new-admin-password"), "a-good-password-1");
			browser.click(By.id("create"));
			By row = By.cssSelector("#organization-list tr[data-slug='" + slug + "']");
			browser.withText(row, "Active");
			browser.withText(row, "1 / ∞");

			browser.click(By.cssSelector("#organization-list tr[data-slug='" + slug + "'] .suspend"));
			Alert reason = browser.await(d -> d.switchTo().alert());
			reason.sendKeys("unpaid invoice");
			reason.accept();
			browser.withText(row, "Suspended (unpaid invoice)");
			browser.screenshot("platform-console");
			assertThat(api.call("POST", "/api/v1/auth/login", null,
					"{\"username\":\"" + slug + "-admin\",\"password\":\"a-good-password-1\"}").code())
				.isEqualTo("organization-suspended");

			browser.get(api.base() + "/chat/?org=" + slug);
			browser.withText(By.id("service-unavailable"), "The service is unavailable just now.");
			assertThat(browser.driver().findElements(By.id("prechat"))).isEmpty();
		}
	}
}
