package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * The agent desk on a phone (390 × 844): one column, the chat list first; a chat opens full width with a way back to
 * the list and the customer panel below it, and nothing is wider than the screen (issue 14, defect 8).
 */
@BrowserTest
class PhoneDeskBrowserTest {

	private static final int WIDTH = 390;

	private static final int HEIGHT = 844;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anAgentOnAPhoneOpensAChatFromTheListAnswersItAndGoesBackToTheList() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		api.status(tenant.agentToken(api, 0), "ONLINE");
		try (Browser desk = Browser.phone(WIDTH, HEIGHT, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			String visitor = api.visitor(tenant.slug());
			api.put("/api/v1/visitor/profile", visitor, Map.of("name", "Zhang Wei"));
			String id = api.startChat(visitor).path("conversation").path("id").asString();
			api.post("/api/v1/conversations/" + id + "/messages", visitor,
					Map.of("clientMsgId", "c-1", "text", "Where is my parcel?"));

			By item = By.cssSelector("#chats .chat-item[data-conversation='" + id + "']");
			desk.withText(item, "Zhang Wei");
			assertThat(desk.shown(item).isDisplayed()).isTrue();
			assertThat(pageWidth(desk)).as("the list fits the screen").isLessThanOrEqualTo(WIDTH);

			desk.click(item);
			desk.withText(By.cssSelector(".msg.contact .text"), "Where is my parcel?");
			assertThat(onScreen(desk, desk.shown(By.id("reply")))).as("the reply box is fully on the screen").isTrue();
			assertThat(onScreen(desk, desk.shown(By.id("send")))).as("the send button is fully on the screen").isTrue();
			assertThat(pageWidth(desk)).as("the open chat fits the screen").isLessThanOrEqualTo(WIDTH);
			assertThat(desk.driver().findElements(By.id("chats")).stream().noneMatch(WebElement::isDisplayed))
				.as("the open chat takes the whole width").isTrue();
			desk.screenshot("agent-desk-phone");

			desk.type(By.id("reply"), "It left our warehouse today.");
			desk.click(By.id("send"));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> api.get("/api/v1/conversations/" + id + "/messages", visitor).valueStream()
					.anyMatch(m -> m.path("text").asString().equals("It left our warehouse today.")));

			desk.click(By.id("to-customer"));
			desk.await(d -> onScreen(desk, desk.shown(By.cssSelector("#customer-panel h2"))));
			assertThat(pageWidth(desk)).as("the customer panel fits the screen").isLessThanOrEqualTo(WIDTH);

			desk.click(By.id("back-to-list"));
			desk.shown(item);
			assertThat(desk.driver().findElements(By.id("reply")).stream().noneMatch(WebElement::isDisplayed))
				.as("back on the list, the chat is out of the way").isTrue();
			assertThat(pageWidth(desk)).isLessThanOrEqualTo(WIDTH);
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	private static long pageWidth(Browser browser) {
		return ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
	}

	private static boolean onScreen(Browser browser, WebElement element) {
		return (Boolean) browser.script("""
				const r = arguments[0].getBoundingClientRect();
				return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;""", element);
	}
}
