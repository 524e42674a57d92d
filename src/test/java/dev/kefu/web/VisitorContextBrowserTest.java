package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * A customer comes to the shop from its help center, browses to a second page and asks a question: the agent's desk
 * shows the page they are on, where they came from, their browser and the pages they viewed, and follows them live
 * to the next page.
 */
@BrowserTest
class VisitorContextBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theDeskShowsThePagesTheCustomerViewsAndFollowsThemToTheNext() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		api.status(tenant.agentToken(api, 0), "ONLINE");
		String shop = api.base() + "/demo?org=" + tenant.slug();
		try (Browser visitor = Browser.open(1280, 800, "en-US"); Browser desk = Browser.open(1280, 900, "en-US")) {
			// A link from the help center: the visit's first page has it as its referrer.
			visitor.get(api.base() + "/help/" + tenant.slug());
			visitor.script("location.href = arguments[0];", shop);
			visitor.await(d -> d.findElement(By.id("kefu-widget")));
			visitor.get(shop + "&page=2");
			DemoPage.openWidget(visitor);
			visitor.type(By.cssSelector("#prechat input[name=name]"), "Zhao Lei");
			visitor.click(By.cssSelector("#prechat button[type=submit]"));
			visitor.type(By.id("message"), "Is the tea set in stock?", Keys.ENTER);
			visitor.withText(By.cssSelector(".msg.me .mark"), "Delivered");

			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.click(By.cssSelector("#chats .chat-item"));
			WebElement page = desk.withText(By.id("visit-page"), "Demo shop · page 2");
			assertThat(page.getText()).contains(shop + "&page=2");
			assertThat(page.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo(shop + "&page=2");
			assertThat(desk.shown(By.id("visit-referrer")).getText()).isEqualTo(api.base() + "/help/" + tenant.slug());
			assertThat(desk.shown(By.id("visit-browser")).getText()).isEqualTo("Chrome");
			assertThat(desk.shown(By.id("visit-device")).getText()).isEqualTo("Desktop");
			assertThat(desk.shown(By.id("visit-language")).getText()).isEqualTo("en-US");
			assertThat(desk.driver().findElements(By.cssSelector("#visit-pages li")))
				.extracting(WebElement::getText)
				.satisfiesExactly(newest -> assertThat(newest).contains("page 2"),
						first -> assertThat(first).contains("Demo shop · Kefu widget"));

			// The customer moves on, the widget closed: the desk follows without a reload.
			visitor.driver().switchTo().defaultContent();
			visitor.get(shop + "&page=3");
			desk.withText(By.id("visit-page"), "Demo shop · page 3");
			desk.await(d -> d.findElements(By.cssSelector("#visit-pages li")).size() == 3);
			assertThat(visitor.consoleErrors()).isEmpty();
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}
}
