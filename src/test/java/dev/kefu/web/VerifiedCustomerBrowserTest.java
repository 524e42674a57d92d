package dev.kefu.web;

import static dev.kefu.testing.HostSignature.hmac;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** The host page names its signed-in customer with Kefu.identify; the chat is theirs and the desk says so. */
@BrowserTest
class VerifiedCustomerBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aCustomerTheSiteIdentifiesChatsAsTheVerifiedContactAndTheDeskMarksThem() throws GeneralSecurityException {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		String secret = api.get("/api/v1/admin/identity", tenant.adminToken(api)).path("secret").asString();
		try (Browser browser = Browser.open(1280, 800, "en-US")) {
			browser.get(api.base() + "/demo?org=" + tenant.slug());
			browser.await(d -> d.findElement(By.id("kefu-widget")));
			browser.script("Kefu.identify({ userId: 'cust-b', userHash: arguments[0], name: 'Han Meimei' })",
					hmac(secret, "cust-b"));
			DemoPage.openWidget(browser);
			// The chat starts over as the verified customer (it may have begun anonymously), whose name it now knows.
			browser.await(d -> {
				try {
					return "Han Meimei".equals(d.findElement(By.cssSelector("#prechat input[name=name]"))
						.getDomProperty("value")) ? true : null;
				}
				catch (StaleElementReferenceException reloaded) {
					return null;
				}
			});
			browser.click(By.cssSelector("#prechat button[type=submit]"));
			browser.type(By.id("message"), "Is my card blocked?", Keys.ENTER);
			browser.withText(By.cssSelector(".msg.me .mark"), "Delivered");
			assertThat(browser.consoleErrors()).isEmpty();
		}
		JsonNode chat = api.get("/api/v1/conversations/mine", agent).get(0);
		JsonNode contact = api.get("/api/v1/contacts/" + chat.path("contactId").asString(), agent);
		assertThat(contact.path("verified").asBoolean()).isTrue();
		assertThat(contact.path("externalId").asString()).isEqualTo("cust-b");
		try (Browser desk = Browser.open(1280, 800, "zh-CN")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.withText(By.cssSelector("#chats .chat-item .verified"), "已认证");
			desk.click(By.cssSelector("#chats .chat-item"));
			assertThat(desk.shown(By.id("verified-customer")).getText()).contains("cust-b");
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}
}
