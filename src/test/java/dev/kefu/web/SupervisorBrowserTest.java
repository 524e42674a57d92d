package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * The supervisor's live view in Chromium, beside an agent's desk in a second session: the agent's status and load
 * change on the supervisor's screen without a reload, the supervisor reads the chat as it happens, whispers to the
 * agent (set apart on the desk) and takes the chat over.
 */
@BrowserTest
class SupervisorBrowserTest {

	private static final By AGENT_ROW = By.cssSelector("[data-group=General] tr[data-agent='Agent 1']");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void supervisorFollowsTheLoadLiveWatchesAChatWhispersAndTakesItOver() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String admin = tenant.adminToken(api);
		String adminId = api.get("/api/v1/auth/me", admin).path("id").asString();
		try (Browser ops = Browser.open(1280, 800, "en-US"); Browser desk = Browser.open(1280, 800, "en-US")) {
			OpsPage.login(ops, api.base(), tenant.adminUsername());
			// An agent who has never logged in is listed offline, with no time in that status.
			ops.withText(AGENT_ROW, "Offline");
			ops.withText(By.cssSelector("[data-group=General] tr[data-agent='Agent 1'] .load"), "0/3");

			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return desk.driver().findElement(By.id("load")).getText().contains("/ 3");
			});
			// The agent frame brings the new status; no reload on the supervisor's side.
			ops.withText(AGENT_ROW, "Online");
			ops.withText(By.cssSelector("[data-group=General] tr[data-agent='Agent 1'] .load"), "0/3");

			String visitor = api.visitor(tenant.slug());
			api.put("/api/v1/visitor/profile", visitor, Map.of("name", "Zhang Wei"));
			String chat = api.startChat(visitor).path("conversation").path("id").asString();
			api.post("/api/v1/conversations/" + chat + "/messages", visitor,
					Map.of("clientMsgId", "c-1", "text", "My order never arrived"));
			ops.withText(By.cssSelector("[data-group=General] tr[data-agent='Agent 1'] .load"), "1/3");
			ops.withText(By.cssSelector("[data-group=General] .served"), "1");

			ops.click(By.cssSelector("[data-group=General] .group-head"));
			ops.click(By.cssSelector("#live-chats .chat-item[data-conversation='" + chat + "']"));
			ops.withText(By.cssSelector("#watch .msg.contact .text"), "My order never arrived");
			// Watching is live: what the customer writes next appears without asking.
			api.post("/api/v1/conversations/" + chat + "/messages", visitor,
					Map.of("clientMsgId", "c-2", "text", "Is anyone there?"));
			ops.withText(By.cssSelector("#watch .msg.contact .text"), "Is anyone there?");

			desk.withText(By.cssSelector("#chats .chat-item"), "Zhang Wei").click();
			desk.withText(By.cssSelector(".msg.contact .text"), "Is anyone there?");

			ops.type(By.id("whisper"), "Offer a refund: the parcel is lost");
			ops.click(By.cssSelector("#whisper-form button[type=submit]"));
			ops.withText(By.cssSelector("#watch .msg.whisper"), "Offer a refund: the parcel is lost");
			// On the agent's desk the whisper arrives live, labelled and set apart from ordinary notes.
			assertThat(desk.withText(By.cssSelector(".msg.whisper"), "Offer a refund: the parcel is lost")
				.findElement(By.cssSelector(".who"))
				.getText()).isEqualTo("Supervisor whisper · Admin");
			assertThat(desk.driver().findElements(By.cssSelector(".msg.note"))).isEmpty();
			ops.screenshot("supervisor-live");

			ops.click(By.id("take-over"));
			ops.click(By.id("confirm-take-over"));
			ops.withText(By.id("taken-over"), "now yours");
			assertThat(ops.shown(By.cssSelector("#taken-over a")).getAttribute("href")).endsWith("/desk/");
			assertThat(api.get("/api/v1/conversations/" + chat, admin).path("agentId").asString()).isEqualTo(adminId);
			// The agent's slot is free again, on the supervisor's screen too.
			ops.withText(By.cssSelector("[data-group=General] tr[data-agent='Agent 1'] .load"), "0/3");
			ops.withText(By.cssSelector("#live-chats .chat-item[data-conversation='" + chat + "'] .name"), "Admin");

			assertThat(ops.consoleErrors()).isEmpty();
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}
}
