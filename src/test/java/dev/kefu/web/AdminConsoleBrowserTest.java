package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/** An admin sets up the widget and a canned response in the console; the public widget settings follow. */
@BrowserTest
class AdminConsoleBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void adminChangesTheWidgetWithALivePreviewAndAddsACannedResponse() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		try (Browser admin = Browser.open(1280, 800, "en-US")) {
			admin.get(api.base() + "/admin/");
			admin.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			admin.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			admin.click(By.cssSelector("#login button[type=submit]"));

			admin.shown(By.cssSelector("#widget-form input[name=title]")).clear();
			admin.type(By.cssSelector("#widget-form input[name=title]"), "Tea House Help");
			admin.withText(By.cssSelector("#preview .mock-bar"), "Tea House Help");
			assertThat(admin.shown(By.id("embed-snippet")).getText())
				.isEqualTo("<script src=\"" + api.base() + "/widget.js\" data-org=\"" + tenant.slug() + "\" async></script>");
			admin.click(By.cssSelector("#widget-form button[type=submit]"));
			admin.shown(By.cssSelector(".saved"));
			admin.screenshot("admin-console");

			admin.click(By.id("tab-canned"));
			admin.type(By.cssSelector("#new-canned input[name=shortcut]"), "hello");
			admin.type(By.cssSelector("#new-canned input[name=title]"), "Greeting");
			admin.type(By.cssSelector("#new-canned textarea[name=text]"), "Hello, how can I help you?");
			admin.click(By.cssSelector("#new-canned button[type=submit]"));
			admin.shown(By.cssSelector("#canned-admin tr[data-shortcut=hello]"));
			admin.type(By.cssSelector("#new-canned input[name=shortcut]"), "hello", Keys.TAB);
			admin.type(By.cssSelector("#new-canned input[name=title]"), "Again");
			admin.type(By.cssSelector("#new-canned textarea[name=text]"), "Duplicate");
			admin.click(By.cssSelector("#new-canned button[type=submit]"));
			assertThat(admin.shown(By.cssSelector(".error.banner")).getText()).isNotBlank();
		}
		assertThat(api.get("/api/v1/widget/" + tenant.slug(), null).path("title").asString()).isEqualTo("Tea House Help");
		assertThat(api.get("/api/v1/canned-responses?q=hello", tenant.agentToken(api, 0))).hasSize(1);
	}
}
