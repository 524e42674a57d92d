package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

/**
 * Canned responses on the desk: the "/" picker groups them by folder, and inserting one fills in the customer's and
 * the agent's names, empties what the chat does not know and leaves unknown variables for the agent to see. Each
 * message shows when it was written.
 */
@BrowserTest
class CannedVariablesBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void insertedCannedResponseHasTheChatsNamesFilledIn() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		api.post("/api/v1/canned-responses", admin, Map.of("scope", "ORGANIZATION", "shortcut", "refund", "title",
				"Refund", "folder", "Billing", "text",
				"Hi {contact.name}, this is {agent.name}. We write to {contact.email} about order {order.id}."));
		api.post("/api/v1/canned-responses", admin, Map.of("scope", "ORGANIZATION", "shortcut", "hello", "title",
				"Greeting", "text", "Hello!"));
		try (Browser desk = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return api.get("/api/v1/agents/me", tenant.agentToken(api, 0)).path("status").asString().equals("ONLINE");
			});
			String visitor = api.visitor(tenant.slug());
			api.put("/api/v1/visitor/profile", visitor, Map.of("name", "Zhang Wei"));
			String chat = api.startChat(visitor).path("conversation").path("id").asString();
			api.post("/api/v1/conversations/" + chat + "/messages", visitor,
					Map.of("clientMsgId", "c-1", "text", "I want my money back"));

			desk.withText(By.cssSelector("#chats .chat-item"), "Zhang Wei").click();
			desk.withText(By.cssSelector(".msg.contact .text"), "I want my money back");
			assertThat(desk.shown(By.cssSelector(".msg.contact time.at")).getText()).matches("\\d{2}:\\d{2}");
			assertThat(desk.shown(By.cssSelector(".msg.contact time.at")).getAttribute("title")).contains(":");

			desk.type(By.id("reply"), "/");
			desk.shown(By.cssSelector("#canned li[data-shortcut=refund]"));
			assertThat(desk.driver().findElements(By.cssSelector("#canned li")).stream().map(e -> e.getText()).toList())
				.satisfies(items -> assertThat(items.get(0)).startsWith("/hello"))
				.satisfies(items -> assertThat(items.get(1)).isEqualToIgnoringCase("Billing"))
				.satisfies(items -> assertThat(items.get(2)).startsWith("/refund"));
			desk.type(By.id("reply"), "refund");
			desk.await(d -> d.findElements(By.cssSelector("#canned li[data-shortcut=hello]")).isEmpty());
			desk.type(By.id("reply"), Keys.ENTER);
			assertThat(desk.shown(By.id("reply")).getAttribute("value")).isEqualTo("Hi Zhang Wei, this is "
					+ tenant.agent(0).name() + ". We write to  about order {order.id}.");
			assertThat(desk.shown(By.id("canned-note")).getText()).contains("{order.id}").contains("{contact.email}");
			desk.type(By.id("reply"), Keys.ENTER);
			desk.withText(By.cssSelector(".msg.me .text"), "Hi Zhang Wei");
			desk.await(d -> d.findElements(By.id("canned-note")).isEmpty());
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	@Test
	void messageTimesAreTheClockTodayAndTheDateBeforeInTheReadersLanguage() {
		try (Browser browser = Browser.open(1024, 700, "en-US")) {
			browser.get(new Api(port).base() + "/desk/");
			@SuppressWarnings("unchecked")
			List<String> written = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					import('/ui/times.js').then(({ shortTime }) => {
					  const now = new Date(2025, 5, 10, 18, 0);
					  done([shortTime(new Date(2025, 5, 10, 9, 5).toISOString(), 'en', now),
					        shortTime(new Date(2025, 2, 3, 14, 30).toISOString(), 'en', now),
					        shortTime(new Date(2024, 11, 31, 8, 0).toISOString(), 'en', now),
					        shortTime(new Date(2025, 2, 3, 14, 30).toISOString(), 'zh-CN', now)]);
					});""");
			assertThat(written).containsExactly("09:05", "Mar 3, 14:30", "Dec 31, 2024, 08:00", "3月3日 14:30");
		}
	}
}
