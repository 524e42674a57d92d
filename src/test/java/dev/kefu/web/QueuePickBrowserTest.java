package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.Groups;
import dev.kefu.organization.QueueAccess;
import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/** Issue 14: agents see the chats waiting in a group that lets them pick, and pick one by hand. */
@BrowserTest
class QueuePickBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void agentPicksAWaitingChatFromTheDeskAndTheCustomerSeesThemJoin() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		context.getBean(Groups.class).changeQueueAccess(tenant.id(), tenant.group().id(), new QueueAccess(false, true));
		String agent = tenant.agentToken(api, 0);
		try (Browser desk = Browser.open(1280, 800, "en-US"); Browser widget = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return api.get("/api/v1/agents/me", agent).path("status").asString().equals("ONLINE");
			});

			widget.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(widget);
			widget.type(By.cssSelector("#prechat input[name=name]"), "Wang Fang");
			widget.click(By.cssSelector("#prechat button[type=submit]"));
			widget.type(By.id("message"), "My parcel is late", Keys.ENTER);

			By waiting = By.cssSelector("#queue-panel .queue-item");
			desk.withText(waiting, "My parcel is late");
			assertThat(desk.shown(waiting).getText()).contains("Wang Fang", "Web");
			assertThat(desk.shown(By.cssSelector("#queue-panel h2")).getText()).isEqualToIgnoringCase("Waiting (1)");
			assertThat(desk.driver().findElements(By.cssSelector("#chats .chat-item"))).as("not assigned by routing")
				.isEmpty();
			desk.screenshot("desk-queue-pick");

			desk.click(By.cssSelector("#queue-panel .queue-item .pick"));

			desk.withText(By.cssSelector(".conv-head strong"), "Wang Fang");
			desk.shown(By.id("reply"));
			desk.withText(By.cssSelector("#chats .chat-item"), "Wang Fang");
			desk.await(d -> d.findElements(By.id("queue-panel")).isEmpty());
			widget.withText(By.id("served-by"), tenant.agent(0).name());
			assertThat(desk.consoleErrors()).isEmpty();
			assertThat(widget.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aRefusedPickIsExplainedInTheAgentsLanguageAndTheChatKeepsWaiting() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 1);
		context.getBean(Groups.class).changeQueueAccess(tenant.id(), tenant.group().id(), new QueueAccess(false, true));
		String agent = tenant.agentToken(api, 0);
		try (Browser desk = Browser.open(1280, 800, "zh-CN")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return api.get("/api/v1/agents/me", agent).path("status").asString().equals("ONLINE");
			});
			String served = api.startChat(api.visitor(tenant.slug())).path("conversation").path("id").asString();
			api.post("/api/v1/queue/" + served + "/pick", agent, null);
			String waiting = api.startChat(api.visitor(tenant.slug())).path("conversation").path("id").asString();
			By pick = By.cssSelector("#queue-panel .queue-item[data-conversation='" + waiting + "'] .pick");

			desk.click(pick);

			desk.withText(By.cssSelector("#queue-panel .error"), "已达接待上限");
			desk.shown(pick);
			assertThat(desk.shown(By.cssSelector("#queue-panel h2")).getText()).isEqualTo("排队中（1）");
			assertThat(desk.consoleErrors()).as("only the refusal itself").singleElement().asString().contains("409");
		}
	}
}
