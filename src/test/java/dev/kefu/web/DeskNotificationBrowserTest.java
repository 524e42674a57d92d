package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * Browser notifications on the desk, in a Chromium that has allowed them: none while the agent looks at the desk,
 * one per customer (burst merged, the agent's own messages never) once the desk is a background tab, and a click
 * brings that chat up.
 */
@BrowserTest
class DeskNotificationBrowserTest {

	/**
	 * Headless Chromium shows no notifications on screen, so every one the page creates is also written down (in
	 * localStorage, which the other tab can read while the desk stays hidden). The real constructor still runs,
	 * with the real permission check.
	 */
	static final String RECORD_NOTIFICATIONS = """
			const Real = window.Notification;
			window.notified = [];
			window.Notification = class extends Real {
			  constructor(title, options = {}) {
			    const seen = JSON.parse(localStorage.getItem('test.notified') || '[]');
			    seen.push({ title, body: options.body, tag: options.tag, permission: Real.permission, hidden: document.hidden });
			    localStorage.setItem('test.notified', JSON.stringify(seen));
			    super(title, options);
			    window.notified.push(this);
			  }
			};""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void customerMessageWhileTheDeskTabIsHiddenRaisesANotificationThatOpensTheChat() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		try (Browser desk = Browser.allowingNotifications(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return api.get("/api/v1/agents/me", tenant.agentToken(api, 0)).path("status").asString().equals("ONLINE");
			});
			// Headless windows may report no focus; the agent here is looking at the desk.
			desk.devTools("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
			desk.script(RECORD_NOTIFICATIONS);
			desk.withText(By.id("notifications-toggle"), "Turn on notifications").click();
			desk.withText(By.id("notifications-toggle"), "Notifications on");
			assertThat(desk.script("return Notification.permission")).isEqualTo("granted");

			String liNa = visitorNamed(api, tenant, "Li Na");
			String chat = api.startChat(liNa).path("conversation").path("id").asString();
			say(api, liNa, chat, "Hello, I am looking at the desk");
			desk.withText(By.cssSelector("#chats .chat-item"), "Hello, I am looking at the desk");
			assertThat(notified(desk)).as("no notification while the desk is in front").isEmpty();
			String deskTab = desk.driver().getWindowHandle();

			// Another tab in front: the desk is hidden (and no longer told it has the focus).
			desk.devTools("Emulation.setFocusEmulationEnabled", Map.of("enabled", false));
			desk.driver().switchTo().newWindow(WindowType.TAB);
			desk.get(api.base() + "/help/" + tenant.slug());
			say(api, liNa, chat, "Where is my parcel?");
			desk.await(d -> notified(desk).size() == 1);
			Map<String, Object> first = notified(desk).get(0);
			assertThat(first).containsEntry("title", "Li Na")
				.containsEntry("body", "Where is my parcel?")
				.containsEntry("permission", "granted")
				.containsEntry("hidden", true)
				.containsEntry("tag", "kefu-chat-" + chat);

			// The agent's own answer raises nothing; the customer's next lines update the same notification, counted.
			api.post("/api/v1/conversations/" + chat + "/messages", tenant.agentToken(api, 0),
					Map.of("clientMsgId", "a-1", "text", "Let me check"));
			say(api, liNa, chat, "Order 1234");
			say(api, liNa, chat, "It was due yesterday");
			desk.await(d -> "Li Na (3 new messages)".equals(notified(desk).getLast().get("title")));
			assertThat(notified(desk).getLast()).containsEntry("body", "It was due yesterday")
				.containsEntry("tag", "kefu-chat-" + chat);
			assertThat(notified(desk)).noneMatch(n -> String.valueOf(n.get("body")).contains("Let me check"));

			String wangFang = visitorNamed(api, tenant, "Wang Fang");
			api.startChat(wangFang);
			desk.await(d -> notified(desk).stream().anyMatch(n -> "New chat: Wang Fang".equals(n.get("title"))));

			desk.driver().switchTo().window(deskTab);
			desk.script("window.notified.find((n) => n.title === 'New chat: Wang Fang').onclick()");
			desk.withText(By.cssSelector(".conv-head strong"), "Wang Fang");
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	private static String visitorNamed(Api api, TestTenant tenant, String name) {
		String visitor = api.visitor(tenant.slug());
		api.put("/api/v1/visitor/profile", visitor, Map.of("name", name));
		return visitor;
	}

	private static void say(Api api, String visitor, String chat, String text) {
		api.post("/api/v1/conversations/" + chat + "/messages", visitor,
				Map.of("clientMsgId", "c-" + text.hashCode(), "text", text));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> notified(Browser browser) {
		return (List<Map<String, Object>>) browser.script("return JSON.parse(localStorage.getItem('test.notified') || '[]')");
	}
}
