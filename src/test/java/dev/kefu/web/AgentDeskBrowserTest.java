package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.knowledge.Knowledge;
import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * The agent desk in Chromium: with a visitor on the demo page, the agent answers with a canned response; with a
 * returning customer, the agent reads the earlier chat, sends a file and uses the keyboard to transfer and close.
 */
@BrowserTest
class AgentDeskBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Knowledge knowledge;

	@Test
	void agentSeesTheNewChatAndAnswersWithACannedResponseTheVisitorReceives() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 2, 5);
		api.post("/api/v1/canned-responses", tenant.adminToken(api), Map.of("scope", "ORGANIZATION", "shortcut",
				"ship", "title", "Shipping time", "text", "Orders leave our warehouse within 24 hours."));
		api.post("/api/v1/knowledge/articles", tenant.adminToken(api), Map.of("kind", "FAQ", "status", "PUBLISHED",
				"title", "When will my order arrive?", "body", "Delivery takes 2 to 4 working days.", "phrasings",
				List.of("delivery time", "shipping duration")));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !knowledge.suggestions(tenant.id(), "delivery time", 1).isEmpty());
		try (Browser desk = Browser.open(1280, 800, "en-US"); Browser visitor = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return desk.driver().findElement(By.id("load")).getText().contains("/ 5");
			});
			desk.await(d -> api.get("/api/v1/agents/me", tenant.agentToken(api, 0)).path("status").asString()
				.equals("ONLINE"));

			visitor.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(visitor);
			visitor.type(By.cssSelector("#prechat input[name=name]"), "Zhang Wei");
			visitor.click(By.cssSelector("#prechat button[type=submit]"));
			visitor.type(By.id("message"), "How long does shipping take?", Keys.ENTER);

			// Two more customers, so the desk shows several chats ordered by waiting time.
			for (String name : new String[] { "Li Na", "Chen Jie" }) {
				String other = api.visitor(tenant.slug());
				api.put("/api/v1/visitor/profile", other, Map.of("name", name));
				String id = api.startChat(other).path("conversation").path("id").asString();
				api.post("/api/v1/conversations/" + id + "/messages", other,
						Map.of("clientMsgId", "c-1", "text", "Hello, is anyone there?"));
			}
			desk.await(d -> d.findElements(By.cssSelector("#chats .chat-item")).size() == 3);
			desk.withText(By.cssSelector("#chats .chat-item"), "Zhang Wei").click();
			desk.withText(By.cssSelector(".msg.contact .text"), "How long does shipping take?");
			desk.click(By.id("edit-profile"));
			desk.type(By.cssSelector("#profile-form input[name=email]"), "zhang.wei@example.com");
			desk.click(By.id("add-attribute"));
			desk.type(By.cssSelector("#profile-form .attribute input"), "order");
			desk.type(By.cssSelector("#profile-form .attribute input:nth-child(2)"), "1234");
			desk.click(By.cssSelector("#profile-form button[type=submit]"));
			desk.withText(By.id("profile"), "zhang.wei@example.com");
			desk.type(By.id("reply"), "/sh");
			desk.shown(By.cssSelector("#canned li[data-shortcut=ship]"));
			desk.type(By.id("reply"), Keys.ENTER);
			assertThat(desk.shown(By.id("reply")).getAttribute("value"))
				.isEqualTo("Orders leave our warehouse within 24 hours.");
			desk.type(By.id("reply"), Keys.ENTER);
			// Stored, and then read by the visitor, whose chat is open: the mark goes Sending… → Delivered → Read.
			desk.withText(By.cssSelector(".msg.me .mark"), "Read");
			assertThat(desk.shown(By.id("load")).getText()).isEqualTo("3 / 5 chats");
			desk.screenshot("agent-desk");

			visitor.withText(By.cssSelector(".msg.agent .text"), "Orders leave our warehouse within 24 hours.");

			// Agent assist offered the knowledge base's answer to the customer's question; one click puts it in.
			desk.withText(By.cssSelector("#suggestions li"), "When will my order arrive?");
			desk.click(By.cssSelector("#suggestions li button"));
			assertThat(desk.shown(By.id("reply")).getAttribute("value")).isEqualTo("Delivery takes 2 to 4 working days.");
			desk.type(By.id("reply"), Keys.ENTER);
			desk.withText(By.cssSelector(".msg.me .text"), "Delivery takes 2 to 4 working days.");
			desk.click(By.cssSelector(".msg.me [data-action=save-as-faq]"));
			desk.withText(By.cssSelector(".msg.me .to-faq"), "Saved as a draft");
			assertThat(api.get("/api/v1/knowledge/articles?status=DRAFT", tenant.adminToken(api)).path(0).path("title")
				.asString()).isEqualTo("How long does shipping take?");

			String colleague = tenant.agentToken(api, 1);
			api.status(colleague, "ONLINE");
			desk.click(By.id("transfer-chat"));
			desk.await(d -> {
				new Select(desk.shown(By.id("transfer-target"))).selectByValue("agent:" + tenant.agent(1).id());
				return true;
			});
			desk.type(By.id("transfer-note"), "Customer asks about shipping");
			desk.click(By.cssSelector("#transfer-form button[type=submit]"));
			desk.await(d -> d.findElements(By.cssSelector("#chats .chat-item")).size() == 2);
			assertThat(api.get("/api/v1/conversations/mine", colleague)).hasSize(1);
			assertThat(desk.consoleErrors()).isEmpty();
			assertThat(visitor.consoleErrors()).isEmpty();
			String contactId = api.get("/api/v1/conversations/mine", colleague).get(0).path("contactId").asString();
			JsonNode contact = api.get("/api/v1/contacts/" + contactId, colleague);
			assertThat(contact.path("email").asString()).isEqualTo("zhang.wei@example.com");
			assertThat(contact.path("attributes").path("order").asString()).isEqualTo("1234");
		}
	}

	@Test
	void returningCustomersEarlierChatFileAndKeyboardShortcutsOnTheDesk(@TempDir Path dir)
			throws Exception {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		Map<String, Object> quickGroup = new HashMap<>(Map.of("centerId", tenant.group().centerId().toString(), "name",
				"General", "queueLimit", 10, "offlinePolicy", "KEEP", "requeueMinutes", 0));
		quickGroup.putAll(Map.of("replyWarnSeconds", 1, "replyAlertSeconds", 2));
		api.put("/api/v1/admin/groups/" + tenant.group().id(), tenant.adminToken(api), quickGroup);
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		String customer = api.visitor(tenant.slug());
		api.put("/api/v1/visitor/profile", customer, Map.of("name", "Wang Fang"));
		String first = api.startChat(customer).path("conversation").path("id").asString();
		api.post("/api/v1/conversations/" + first + "/messages", customer,
				Map.of("clientMsgId", "c-1", "text", "My parcel is late"));
		api.post("/api/v1/conversations/" + first + "/close", agent,
				Map.of("reason", "resolved", "summary", "Parcel late, shipping refunded"));
		api.post("/api/v1/visitor/tickets", customer, Map.of("clientMsgId", "t-1", "email", "wang@example.com",
				"subject", "Invoice", "body", "Please send the invoice again"));
		String second = api.startChat(customer).path("conversation").path("id").asString();
		api.post("/api/v1/conversations/" + second + "/messages", customer,
				Map.of("clientMsgId", "c-2", "text", "It happened again"));
		Path picture = DemoPage.picture(dir);

		try (Browser desk = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			// Past both of the group's reply targets, the waiting chat turns red.
			desk.shown(By.cssSelector("#chats .chat-item.red"));
			alt(desk, Keys.ARROW_DOWN);
			desk.withText(By.cssSelector(".msg.contact .text"), "It happened again");
			desk.withText(By.cssSelector("#contact-tickets li"), "Invoice");

			desk.click(By.id("show-earlier"));
			desk.withText(By.cssSelector(".msg.earlier .text"), "My parcel is late");
			desk.withText(By.cssSelector(".earlier-chat"), "Parcel late, shipping refunded");

			desk.driver().findElement(By.id("attach")).sendKeys(picture.toString());
			desk.await(d -> (Boolean) desk.script(
					"const img = document.querySelector('.msg.me .attachment img'); return !!img && img.naturalWidth > 0;"));
			desk.screenshot("agent-desk-earlier-chats");
			desk.await(d -> api.get("/api/v1/conversations/" + second + "/messages", customer).valueStream()
				.anyMatch(m -> m.path("attachments").path(0).path("name").asString().equals("receipt.png")));

			alt(desk, "t");
			desk.shown(By.id("transfer-form"));
			alt(desk, "c");
			desk.type(By.id("summary"), "Second late parcel; escalated to the carrier");
			desk.click(By.cssSelector("#close-form button[type=submit]"));
			// Closing and saving the summary are two steps of one request: wait for the second.
			desk.await(d -> api.get("/api/v1/conversations/" + second, agent).path("summary").asString()
				.equals("Second late parcel; escalated to the carrier"));
			assertThat(api.get("/api/v1/conversations/" + second, agent).path("state").asString()).isEqualTo("CLOSED");
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	private static void alt(Browser browser, CharSequence key) {
		new Actions(browser.driver()).keyDown(Keys.ALT).sendKeys(key).keyUp(Keys.ALT).perform();
	}
}
