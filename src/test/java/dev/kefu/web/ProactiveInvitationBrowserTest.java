package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * The admin writes an invitation in the console: after 2 seconds on a demo page the widget greets the visitor in a
 * bubble by the launcher, with no chat frame until they click it; the chat then opens with the greeting. It fires once
 * per visit.
 */
@BrowserTest
class ProactiveInvitationBrowserTest {

	private static final String GREETING = "Need help choosing a tea set? 需要帮您挑选茶具吗？";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anInvitationFiresAfterTwoSecondsOnAMatchingPageAndOpensTheChatWithItsGreeting() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		try (Browser admin = Browser.open(1280, 900, "en-US")) {
			admin.get(api.base() + "/admin/");
			admin.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			admin.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			admin.click(By.cssSelector("#login button[type=submit]"));
			admin.click(By.id("tab-invitations"));
			admin.type(By.cssSelector("#invitation-form [name=name]"), "Tea sets");
			admin.type(By.cssSelector("#invitation-form [name=greeting]"), GREETING);
			admin.type(By.cssSelector("#invitation-form [name=urlPattern]"), "*/demo*");
			admin.type(By.cssSelector("#invitation-form [name=secondsOnPage]"), Keys.chord(Keys.CONTROL, "a"), "2");
			admin.click(By.cssSelector("#invitation-form button[type=submit]"));
			assertThat(admin.withText(By.cssSelector("#invitation-list tr[data-rule='Tea sets']"), "after 2 s").getText())
				.contains(GREETING, "on */demo*");
			assertThat(admin.consoleErrors()).isEmpty();
		}

		try (Browser visitor = Browser.open(1280, 800, "en-US")) {
			visitor.get(api.base() + "/demo?org=" + tenant.slug());
			SearchContext widget = visitor.await(d -> d.findElement(By.id("kefu-widget"))).getShadowRoot();
			WebElement bubble = visitor.shown(widget, By.cssSelector(".invite"));
			assertThat(bubble.getText()).contains(GREETING);
			assertThat(widget.findElements(By.cssSelector("iframe"))).as("no chat frame before the click").isEmpty();

			widget.findElement(By.cssSelector(".invite-text")).click();
			visitor.driver().switchTo().frame(visitor.shown(widget, By.cssSelector("iframe")));
			visitor.withText(By.id("greeting"), GREETING);
			visitor.shown(By.id("prechat"));
			assertThat(visitor.consoleErrors()).isEmpty();

			// Once per visit: the next page of the shop does not invite again.
			visitor.driver().switchTo().defaultContent();
			visitor.get(api.base() + "/demo?org=" + tenant.slug() + "&page=2");
			SearchContext next = visitor.await(d -> d.findElement(By.id("kefu-widget"))).getShadowRoot();
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
				.until(() -> !next.findElement(By.cssSelector(".invite")).isDisplayed());
		}
	}
}
