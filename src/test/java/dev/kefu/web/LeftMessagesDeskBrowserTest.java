package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * Left messages on the desk in Chromium: a new one alerts the agent on the chats view like a new chat does (issue 14,
 * defect 9), and the answer box says truthfully where the customer will read the answer (defect 10).
 */
@BrowserTest
class LeftMessagesDeskBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void agentOnTheChatsViewGetsACountATitleAndAToneForANewLeftMessage() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String customer = api.visitor(tenant.slug());

		try (Browser desk = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.shown(By.cssSelector("#view-chats[aria-selected=true]"));
			assertThat(desk.driver().findElements(By.cssSelector("#ticket-count"))).isEmpty();
			// Counts the tones the desk starts: headless Chromium has no speaker to listen to.
			desk.script("""
					window.kefuTones = 0;
					const Real = window.AudioContext;
					window.AudioContext = class extends Real { constructor() { super(); window.kefuTones++; } };""");

			api.post("/api/v1/visitor/tickets", customer, Map.of("clientMsgId", "t-1", "email", "wang@example.com",
					"subject", "Invoice", "body", "Please send the invoice again"));

			desk.withText(By.cssSelector("#view-tickets #ticket-count"), "1");
			desk.await(d -> d.getTitle().contains("New message left"));
			desk.await(d -> ((Number) desk.script("return window.kefuTones;")).intValue() >= 1);
			assertThat(desk.driver().findElements(By.id("chats"))).isNotEmpty();
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	@Test
	void answerBoxSaysTheCustomerReadsTheAnswerInTheChatOnTheSiteInBothLanguages() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String customer = api.visitor(tenant.slug());
		api.post("/api/v1/visitor/tickets", customer, Map.of("clientMsgId", "t-1", "email", "wang@example.com",
				"subject", "Invoice", "body", "Please send the invoice again"));

		for (String[] language : new String[][] { { "en-US", "in the chat on your site" },
				{ "zh-CN", "网站的聊天窗口" } }) {
			try (Browser desk = Browser.open(1280, 800, language[0])) {
				DeskPage.login(desk, api.base(), tenant.agent(0).username());
				desk.click(By.id("view-tickets"));
				desk.click(By.cssSelector("#tickets .chat-item"));
				String placeholder = desk.shown(By.id("ticket-answer")).getDomAttribute("placeholder");
				assertThat(placeholder).contains(language[1]).doesNotContain("sent to their contact");
				assertThat(desk.consoleErrors()).isEmpty();
			}
		}
	}
}
