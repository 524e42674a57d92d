package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Leave-a-message as a live thread in the widget (issue 14, defect 3): the answer reaches the still-open widget
 * without a reload, raises the launcher's badge while the chat is closed, and the customer writes back from there.
 */
@BrowserTest
class LeaveMessageLiveBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void answerReachesTheOpenWidgetLiveRaisesTheBadgeWhenClosedAndTheCustomerFollowsUp() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		try (Browser widget = Browser.open(1280, 800, "en-US"); Browser desk = Browser.open(1280, 800, "en-US")) {
			widget.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(widget);
			widget.click(By.cssSelector("#prechat button[type=submit]"));
			widget.type(By.cssSelector("#leave-form input[name=email]"), "wang.fang@example.com");
			widget.type(By.cssSelector("#leave-form textarea[name=body]"), "Do you ship on Sundays?");
			widget.click(By.cssSelector("#leave-form button[type=submit]"));
			widget.shown(By.id("left"));
			widget.withText(By.cssSelector("#left-thread .msg.me"), "Do you ship on Sundays?");
			widget.shown(By.id("left-waiting"));

			// The agent answers on the desk while the customer looks at the widget.
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.click(By.id("view-tickets"));
			desk.click(By.cssSelector("#tickets .chat-item"));
			answerOnTheDesk(desk, "Yes, on Sundays too.");

			widget.withText(By.cssSelector("#left-thread .msg.agent"), "Yes, on Sundays too.");
			widget.await(d -> d.findElements(By.id("left-waiting")).isEmpty());
			assertThat(widget.driver().findElements(By.cssSelector("#prechat"))).isEmpty();
			widget.driver().switchTo().defaultContent();
			assertThat(DemoPage.badge(widget)).isEmpty();

			// Closed, the widget counts the next answer on its launcher.
			intoWidget(widget);
			widget.click(By.id("minimize"));
			answerOnTheDesk(desk, "Order before 18:00 for same-day dispatch.");
			widget.driver().switchTo().defaultContent();
			String badge = widget.await(d -> DemoPage.badge(widget).filter(text -> !text.isEmpty()).orElse(null));
			assertThat(badge).isEqualTo("1");

			DemoPage.openWidget(widget);
			widget.withText(By.cssSelector("#left-thread .msg.agent"), "Order before 18:00 for same-day dispatch.");
			widget.driver().switchTo().defaultContent();
			widget.await(d -> DemoPage.badge(widget).isEmpty());

			// The customer writes back from the widget; the agent sees it in the open ticket.
			intoWidget(widget);
			widget.type(By.id("left-reply-text"), "Great, and to Shanghai?");
			widget.click(By.cssSelector("#left-reply button[type=submit]"));
			widget.withText(By.cssSelector("#left-thread .msg.me"), "Great, and to Shanghai?");
			widget.shown(By.id("left-waiting"));
			desk.withText(By.cssSelector("#ticket-thread .msg.contact"), "Great, and to Shanghai?");

			assertThat(widget.consoleErrors()).isEmpty();
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	@Test
	void returningCustomerFindsTheAnswerAsAThreadOfItsOwnNotBelowThePrechatForm() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String agent = tenant.agentToken(api, 0);
		try (Browser widget = Browser.open(1280, 800, "zh-CN")) {
			widget.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(widget);
			widget.click(By.cssSelector("#prechat button[type=submit]"));
			widget.type(By.cssSelector("#leave-form input[name=phone]"), "13800138000");
			widget.type(By.cssSelector("#leave-form textarea[name=body]"), "发票可以重开吗？");
			widget.click(By.cssSelector("#leave-form button[type=submit]"));
			widget.shown(By.id("left-waiting"));
			widget.get("about:blank");

			String ticketId = api.get("/api/v1/tickets", agent).get(0).path("id").asString();
			api.post("/api/v1/tickets/" + ticketId + "/answers", agent,
					Map.of("clientMsgId", "a-1", "body", "可以，请提供新的抬头。"));

			widget.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(widget);
			widget.withText(By.cssSelector("#left-thread .msg.agent"), "可以，请提供新的抬头。");
			assertThat(widget.driver().findElements(By.id("left-waiting"))).isEmpty();
			assertThat(widget.driver().findElements(By.id("prechat"))).isEmpty();

			widget.click(By.id("left-back"));
			WebElement link = widget.shown(By.cssSelector("#prechat #tickets .left-link"));
			assertThat(link.getText()).contains("发票可以重开吗？").contains("已回复").doesNotContain("新回复");
			assertThat(widget.driver().findElements(By.cssSelector("#prechat .msg"))).isEmpty();
			link.click();
			widget.withText(By.cssSelector("#left-thread .msg.me"), "发票可以重开吗？");
			assertThat(widget.consoleErrors()).isEmpty();
		}
	}

	private static void answerOnTheDesk(Browser desk, String answer) {
		desk.type(By.id("ticket-answer"), answer);
		desk.click(By.cssSelector("#ticket-reply button[type=submit]"));
		desk.withText(By.cssSelector("#ticket-thread .msg.me"), answer);
	}

	/** Into the chat frame without touching the launcher (which would close an open widget). */
	private static void intoWidget(Browser browser) {
		browser.driver().switchTo().defaultContent();
		WebElement host = browser.driver().findElement(By.id("kefu-widget"));
		browser.driver().switchTo().frame(host.getShadowRoot().findElement(By.cssSelector("iframe")));
	}
}
