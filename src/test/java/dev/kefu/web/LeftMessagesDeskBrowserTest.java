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
 * Left messages on the desk in Chromium: the answer box says truthfully where the customer will read the answer (issue 14,
 * defect 10).
 */
@BrowserTest
class LeftMessagesDeskBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

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
