package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** The visitor's side in a real browser: the widget on the demo page, a chat with an agent, leave-a-message. */
@BrowserTest
class VisitorWidgetBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void visitorChatsWithAnAgentSendsAPictureSeesTheUnreadBadgeKeepsTheHistoryOnReloadAndRates(@TempDir Path dir)
			throws IOException {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		String conversationId;
		try (Browser browser = Browser.open(1280, 800, "en-US")) {
			browser.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(browser);
			browser.type(By.cssSelector("#prechat input[name=name]"), "Wang Fang");
			browser.type(By.cssSelector("#prechat input[name=email]"), "wang.fang@example.com");
			browser.click(By.cssSelector("#prechat button[type=submit]"));
			browser.type(By.id("message"), "Where is my order 1234?", Keys.ENTER);
			browser.withText(By.cssSelector(".msg.me .mark"), "Delivered");

			JsonNode mine = api.get("/api/v1/conversations/mine", agent);
			assertThat(mine).hasSize(1);
			conversationId = mine.get(0).path("id").asString();
			api.post("/api/v1/conversations/" + conversationId + "/messages", agent,
					Map.of("clientMsgId", "agent-1", "text", "It ships today."));
			browser.withText(By.cssSelector(".msg.agent .text"), "It ships today.");
			browser.screenshot("widget-desktop");

			browser.driver().findElement(By.id("file")).sendKeys(DemoPage.picture(dir).toString());
			String messages = "/api/v1/conversations/" + conversationId + "/messages";
			browser.await(d -> api.get(messages, agent).valueStream()
				.anyMatch(m -> m.path("attachments").path(0).path("name").asString().equals("receipt.png")));

			// Closed, the widget counts what the agent writes on its launcher.
			browser.click(By.id("minimize"));
			api.post("/api/v1/conversations/" + conversationId + "/messages", agent,
					Map.of("clientMsgId", "agent-2", "text", "Anything else?"));
			browser.driver().switchTo().defaultContent();
			String unread = browser.await(d -> DemoPage.badge(browser).filter(text -> !text.isEmpty()).orElse(null));
			assertThat(unread).isEqualTo("1");
			DemoPage.openWidget(browser);
			browser.withText(By.cssSelector(".msg.agent .text"), "Anything else?");
			browser.driver().switchTo().defaultContent();
			browser.await(d -> DemoPage.badge(browser).isEmpty());

			browser.driver().navigate().refresh();
			DemoPage.openWidget(browser);
			browser.withText(By.cssSelector(".msg.me .text"), "Where is my order 1234?");
			browser.withText(By.cssSelector(".msg.agent .text"), "It ships today.");

			browser.click(By.id("end-chat"));
			browser.click(By.cssSelector("#rating [data-stars='5']"));
			browser.type(By.id("rating-comment"), "Quick and kind.");
			browser.click(By.cssSelector("#rating button[type=submit]"));
			browser.shown(By.id("rated"));
			assertThat(browser.consoleErrors()).isEmpty();
		}
		JsonNode rated = api.get("/api/v1/conversations/" + conversationId, agent);
		assertThat(rated.path("rating").asInt()).isEqualTo(5);
		assertThat(rated.path("ratingComment").asString()).isEqualTo("Quick and kind.");
	}

	@Test
	void withNobodyOnlineTheVisitorLeavesAMessageAndLaterSeesTheAnswer() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String agent = tenant.agentToken(api, 0);
		try (Browser browser = Browser.phone(390, 844, "zh-CN")) {
			browser.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(browser);
			browser.click(By.cssSelector("#prechat button[type=submit]"));
			browser.type(By.cssSelector("#leave-form textarea[name=body]"), "请问周末发货吗？");
			browser.click(By.cssSelector("#leave-form button[type=submit]"));
			assertThat(browser.shown(By.cssSelector("#leave-form .error")).getText()).contains("邮箱或电话");
			browser.type(By.cssSelector("#leave-form input[name=email]"), "li.lei@example.com");
			browser.click(By.cssSelector("#leave-form button[type=submit]"));
			browser.shown(By.id("left"));
			browser.screenshot("widget-phone-leave-message");

			try (Browser desk = Browser.open(1280, 800, "zh-CN")) {
				DeskPage.login(desk, api.base(), tenant.agent(0).username());
				desk.click(By.id("view-tickets"));
				desk.click(By.cssSelector("#tickets .chat-item"));
				desk.withText(By.cssSelector("#ticket-thread .msg.contact"), "请问周末发货吗？");
				desk.type(By.id("ticket-answer"), "周六也发货。");
				desk.click(By.cssSelector("#ticket-reply button[type=submit]"));
				desk.withText(By.cssSelector("#ticket-thread .msg.me"), "周六也发货。");
				desk.screenshot("agent-desk-tickets");
				assertThat(desk.consoleErrors()).isEmpty();
			}
			assertThat(api.get("/api/v1/tickets?state=ANSWERED", agent)).hasSize(1);
			browser.withText(By.cssSelector("#left-thread .answer"), "周六也发货。");

			browser.driver().navigate().refresh();
			DemoPage.openWidget(browser);
			browser.click(By.cssSelector("#tickets .left-link"));
			browser.withText(By.cssSelector("#left-thread .answer"), "周六也发货。");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}
}
