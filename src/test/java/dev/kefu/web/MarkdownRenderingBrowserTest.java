package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.knowledge.Knowledge;
import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/** Answers written in Markdown reach customers formatted (bold, headings), never as raw {@code **} and {@code ##}. */
@BrowserTest
class MarkdownRenderingBrowserTest {

	static final String ANSWER = "## Delivery times\n\nYou can return any order within **30 days**.";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Knowledge knowledge;

	@Test
	void widgetShowsTheAssistantsMarkdownAnswerFormatted() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "FAQ", "status", "PUBLISHED", "title",
				"How long can I return an order?", "body", ANSWER, "phrasings",
				List.of("return period", "how many days to return")));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !knowledge.suggestions(tenant.id(), "return period", 1).isEmpty());
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/assistant", admin, Map.of("enabled", true, "name",
				"Kefu Assistant", "greeting", "Hi! I am the assistant.", "threshold", 0.75));

		try (Browser visitor = Browser.open(1280, 800, "en-US")) {
			visitor.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(visitor);
			visitor.type(By.id("first-question"), "How long can I return an order?");
			visitor.click(By.cssSelector("#prechat button[type=submit]"));
			visitor.withText(By.cssSelector(".msg.bot[data-kind=answer] .text strong"), "30 days");
			visitor.withText(By.cssSelector(".msg.bot[data-kind=answer] .text h3"), "Delivery times");
			assertThat(visitor.shown(By.cssSelector(".msg.bot[data-kind=answer] .text")).getText())
				.doesNotContain("**")
				.doesNotContain("##");
			assertThat(visitor.consoleErrors()).isEmpty();
		}
	}

	@Test
	void helpCenterSnippetShowsMarkdownFormattedAndKeepsTheHighlight() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "FAQ", "status", "PUBLISHED", "title",
				"How long can I return an order?", "body", ANSWER));

		try (Browser browser = Browser.open(1280, 800, "en-US")) {
			browser.get(api.base() + "/help/" + tenant.slug());
			browser.type(By.id("help-search"), "days");
			browser.withText(By.cssSelector("#results .result .snippet strong"), "30");
			browser.withText(By.cssSelector("#results .result .snippet mark"), "days");
			assertThat(browser.shown(By.cssSelector("#results .result .snippet")).getText())
				.doesNotContain("**")
				.doesNotContain("##");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void deskShowsTheSuggestedMarkdownAnswerFormatted() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		api.post("/api/v1/knowledge/articles", tenant.adminToken(api), Map.of("kind", "FAQ", "status", "PUBLISHED",
				"title", "How long can I return an order?", "body", ANSWER, "phrasings",
				List.of("return period", "how many days to return")));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !knowledge.suggestions(tenant.id(), "return period", 1).isEmpty());

		try (Browser desk = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return api.get("/api/v1/agents/me", tenant.agentToken(api, 0)).path("status").asString().equals("ONLINE");
			});
			String visitor = api.visitor(tenant.slug());
			String id = api.startChat(visitor).path("conversation").path("id").asString();
			api.post("/api/v1/conversations/" + id + "/messages", visitor,
					Map.of("clientMsgId", "c-1", "text", "How long can I return an order?"));
			desk.click(By.cssSelector("#chats .chat-item"));
			desk.withText(By.cssSelector("#suggestions li .answer strong"), "30 days");
			assertThat(desk.shown(By.cssSelector("#suggestions li .answer")).getText())
				.doesNotContain("**")
				.doesNotContain("##");
			desk.click(By.cssSelector("#suggestions li button"));
			// The agent's reply is still the entry's own text, for the agent to edit before sending.
			assertThat(desk.shown(By.id("reply")).getAttribute("value")).isEqualTo(ANSWER);
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	@Test
	void transcriptShowsTheAssistantsMarkdownAnswerFormatted() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "FAQ", "status", "PUBLISHED", "title",
				"How long can I return an order?", "body", ANSWER, "phrasings",
				List.of("return period", "how many days to return")));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !knowledge.suggestions(tenant.id(), "return period", 1).isEmpty());
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/assistant", admin, Map.of("enabled", true, "name",
				"Kefu Assistant", "greeting", "Hi! I am the assistant.", "threshold", 0.75));

		try (Browser ops = Browser.open(1280, 800, "en-US"); Browser desk = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return api.get("/api/v1/agents/me", tenant.agentToken(api, 0)).path("status").asString().equals("ONLINE");
			});
			String visitor = api.visitor(tenant.slug());
			String chat = api.startChat(visitor).path("conversation").path("id").asString();
			api.post("/api/v1/conversations/" + chat + "/messages", visitor,
					Map.of("clientMsgId", "c-1", "text", "How long can I return an order?"));
			await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/conversations/" + chat + "/messages",
					visitor).toString().contains("30 days"));
			api.post("/api/v1/conversations/" + chat + "/messages", visitor,
					Map.of("clientMsgId", "c-2", "text", "I want to talk to a human"));

			OpsPage.login(ops, api.base(), tenant.adminUsername());
			ops.click(By.cssSelector("[data-group=General] .group-head"));
			ops.click(By.cssSelector("#live-chats .chat-item[data-conversation='" + chat + "']"));
			ops.withText(By.cssSelector("#watch .msg.bot .text strong"), "30 days");
			assertThat(ops.shown(By.cssSelector("#watch .msg.bot .text h3")).getText()).isEqualTo("Delivery times");
			assertThat(ops.consoleErrors()).isEmpty();
		}
	}
}
