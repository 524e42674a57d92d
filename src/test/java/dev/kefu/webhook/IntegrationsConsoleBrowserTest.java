package dev.kefu.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.Receiver;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.TestTenant;

/**
 * The admin console's integrations: an API token created in the console (its secret shown once) works for a system
 * calling the API, and a webhook created in the console reaches a real receiver, the delivery then showing in the
 * console's log with the receiver's answer. The token is revoked in Chinese.
 */
@BrowserTest
@TestPropertySource(properties = { "kefu.webhooks.allow-private-targets=true", "kefu.webhooks.poll-interval=100ms" })
class IntegrationsConsoleBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void adminCreatesATokenAndAWebhookAndSeesTheDeliveryInTheLog() throws Exception {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		try (Receiver receiver = new Receiver(); Browser admin = Browser.open(1280, 1200, "en-US")) {
			admin.get(api.base() + "/admin/");
			admin.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			admin.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			admin.click(By.cssSelector("#login button[type=submit]"));

			// A token for a CRM that reads conversations.
			admin.click(By.id("tab-tokens"));
			admin.type(By.cssSelector("#token-form input[name=tokenName]"), "CRM sync");
			admin.click(By.cssSelector("#token-form input[name='scope-conversations:read']"));
			admin.click(By.cssSelector("#token-form button[type=submit]"));
			admin.withText(By.id("token-secret"), "won't see it again");
			String secret = admin.shown(By.cssSelector("#token-secret .secret")).getText().strip();
			assertThat(secret).startsWith("kefu_pat_");
			admin.withText(By.cssSelector("#token-list tr[data-token='CRM sync']"), "Not used yet");
			admin.click(By.cssSelector("#token-secret .done"));
			assertThat(admin.driver().getPageSource()).doesNotContain(secret);

			assertThat(api.call("GET", "/api/v1/conversations", secret, null).status()).isEqualTo(200);
			assertThat(api.call("GET", "/api/v1/tickets", secret, null).code()).isEqualTo("scope-missing");

			// A webhook to a real receiver, for chats that open.
			admin.click(By.id("tab-webhooks"));
			admin.type(By.cssSelector("#webhook-form input[name=webhookUrl]"), receiver.url());
			admin.click(By.cssSelector("#webhook-form input[name='event-conversation.opened']"));
			admin.click(By.cssSelector("#webhook-form button[type=submit]"));
			assertThat(admin.shown(By.cssSelector("#webhook-secret .secret")).getText()).startsWith("whsec_");
			admin.click(By.cssSelector("#webhook-secret .done"));
			admin.withText(By.cssSelector("#webhook-list tr[data-endpoint='" + receiver.url() + "']"), "Enabled");

			// A customer opens a chat (an agent is online to take it); the receiver hears of it and the log says so.
			ServedChat.start(api, tenant, tenant.agentToken(api, 0));
			await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.ofType("conversation.opened").isEmpty());
			admin.click(By.cssSelector("#webhook-list tr[data-endpoint='" + receiver.url() + "'] .log"));
			WebElement delivery = await().atMost(Duration.ofSeconds(15)).until(() -> {
				admin.click(By.cssSelector("#delivery-log .refresh"));
				return admin.driver()
					.findElements(By.cssSelector("#delivery-log tr[data-type='conversation.opened']"))
					.stream()
					.filter(row -> row.getText().contains("Delivered"))
					.findFirst()
					.orElse(null);
			}, row -> row != null);
			assertThat(delivery.findElement(By.cssSelector(".response")).getText()).contains("204");
			assertThat(delivery.findElement(By.cssSelector(".attempts")).getText()).isEqualTo("1");
			assertThat(delivery.findElement(By.cssSelector(".latency")).getText()).endsWith("ms");
			admin.screenshot("admin-integrations");

			// In Chinese, the token is revoked, and refused from then on.
			admin.click(By.xpath("//header//button[text()='中文']"));
			admin.click(By.id("tab-tokens"));
			admin.withText(By.id("tab-tokens"), "API 令牌");
			admin.click(By.cssSelector("#token-list tr[data-token='CRM sync'] .revoke"));
			admin.driver().switchTo().alert().accept();
			admin.withText(By.cssSelector("#token-list tr[data-token='CRM sync']"), "已于");
			assertThat(api.call("GET", "/api/v1/conversations", secret, null).status()).isEqualTo(401);
			assertThat(admin.consoleErrors()).isEmpty();
		}
	}
}
