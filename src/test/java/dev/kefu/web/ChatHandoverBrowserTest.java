package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Who serves a chat, and whether it is still going, as both sides see it while it changes hands or ends (issue 14,
 * defects 2 and 11).
 */
@BrowserTest
class ChatHandoverBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void widgetNamesTheAgentTheChatIsTransferredToAndNamesNoneOnceItHasEnded() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 2, 5);
		String[] tokens = { tenant.agentToken(api, 0), tenant.agentToken(api, 1) };
		api.status(tokens[0], "ONLINE");
		api.status(tokens[1], "ONLINE");
		try (Browser browser = Browser.open(1280, 800, "en-US")) {
			browser.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(browser);
			browser.type(By.cssSelector("#prechat input[name=name]"), "Wang Fang");
			browser.click(By.cssSelector("#prechat button[type=submit]"));
			browser.type(By.id("message"), "My parcel is late", Keys.ENTER);

			// Either agent may be given the chat: "first" is whoever was.
			int first = browser.await(d -> {
				for (int i = 0; i < 2; i++) {
					if (!api.get("/api/v1/conversations/mine", tokens[i]).isEmpty()) {
						return Integer.valueOf(i);
					}
				}
				return null;
			});
			int second = 1 - first;
			String id = api.get("/api/v1/conversations/mine", tokens[first]).get(0).path("id").asString();
			api.post("/api/v1/conversations/" + id + "/messages", tokens[first],
					Map.of("clientMsgId", "a-1", "text", "Let me look."));
			browser.withText(By.id("served-by"), tenant.agent(first).name());

			api.post("/api/v1/conversations/" + id + "/transfer", tokens[first],
					Map.of("toAgentId", tenant.agent(second).id().toString()));
			browser.withText(By.id("served-by"), tenant.agent(second).name());
			assertThat(browser.shown(By.id("served-by")).getText()).doesNotContain(tenant.agent(first).name());

			api.post("/api/v1/conversations/" + id + "/close", tokens[second], Map.of("reason", "resolved"));
			browser.shown(By.id("ended"));
			browser.await(d -> d.findElements(By.id("served-by")).isEmpty());
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void deskMarksAChatTheCustomerEndedAndTheAgentDismissesIt() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String agent = tenant.agentToken(api, 0);
		try (Browser desk = Browser.open(1280, 800, "zh-CN")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return api.get("/api/v1/agents/me", agent).path("status").asString().equals("ONLINE");
			});
			String visitor = api.visitor(tenant.slug());
			JsonNode started = api.startChat(visitor);
			String id = started.path("conversation").path("id").asString();
			api.post("/api/v1/conversations/" + id + "/messages", visitor,
					Map.of("clientMsgId", "c-1", "text", "你好，在吗？"));
			By item = By.cssSelector("#chats .chat-item[data-conversation='" + id + "']");
			desk.click(item);
			desk.shown(By.id("reply"));

			api.post("/api/v1/visitor/conversations/" + id + "/end", visitor, Map.of());
			assertThat(desk.withText(By.cssSelector("#chats .chat-item[data-conversation='" + id + "'] .ended"), "已结束")
				.isDisplayed()).isTrue();
			desk.await(d -> d.findElements(By.id("reply")).isEmpty());
			desk.shown(By.id("chat-ended"));

			desk.click(By.id("dismiss-chat"));
			desk.await(d -> d.findElements(item).isEmpty());
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}
}
