package dev.kefu.retention;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * The admin console's data retention tab: an admin sets how long conversations are kept and that older ones are
 * anonymized, the server stores it, and a dry run shows what a run would remove. In Chinese, the tab says 数据保留.
 */
@BrowserTest
class RetentionConsoleBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void adminSetsRetentionAndSeesADryRun() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		try (Browser admin = Browser.open(1280, 1000, "en-US")) {
			admin.get(api.base() + "/admin/");
			admin.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			admin.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			admin.click(By.cssSelector("#login button[type=submit]"));

			admin.click(By.id("tab-retention"));
			admin.type(By.cssSelector("#retention-form input[name=conversationDays]"), "90");
			admin.click(By.cssSelector("#retention-form input[name=mode][value=ANONYMIZE]"));
			admin.click(By.cssSelector("#retention-form button[type=submit]"));
			admin.withText(By.cssSelector("#retention-form button[type=submit]"), "Saved");

			JsonNode stored = api.get("/api/v1/admin/retention", tenant.adminToken(api));
			assertThat(stored.path("conversationDays").asInt()).isEqualTo(90);
			assertThat(stored.path("ticketDays").isMissingNode()).isTrue();
			assertThat(stored.path("mode").asString()).isEqualTo("ANONYMIZE");

			admin.click(By.id("retention-dry-run"));
			admin.withText(By.id("retention-counts"), "Conversations");
			admin.screenshot("admin-retention");

			admin.click(By.xpath("//header//button[text()='中文']"));
			admin.withText(By.id("tab-retention"), "数据保留");
			assertThat(admin.consoleErrors()).isEmpty();
		}
	}
}
