package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.knowledge.Knowledge;
import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/** A customer is answered by the assistant from the knowledge base, then asks for a person, who sees it all. */
@BrowserTest
class AssistantBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Knowledge knowledge;

	@Test
	void visitorGetsTheAssistantsAnswerThenAsksForAPersonWhoSeesTheAssistantsPart() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "FAQ", "status", "PUBLISHED", "title",
				"How long does delivery take?", "body", "Orders arrive within 2 to 4 working days.", "phrasings",
				List.of("when will my order arrive", "delivery time")));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !knowledge.suggestions(tenant.id(), "delivery time", 1).isEmpty());
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/assistant", admin, Map.of("enabled", true, "name",
				"Kefu Assistant", "greeting", "Hi! I am the assistant. Ask me anything.", "threshold", 0.75));

		try (Browser visitor = Browser.open(1280, 800, "en-US"); Browser desk = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new org.openqa.selenium.support.ui.Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return api.get("/api/v1/agents/me", tenant.agentToken(api, 0)).path("status").asString().equals("ONLINE");
			});

			visitor.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(visitor);
			// Typing the first question offers the help center's article before any chat starts.
			visitor.type(By.id("first-question"), "How long will delivery of my order take?");
			visitor.withText(By.cssSelector("#related .choice"), "How long does delivery take?").click();
			visitor.withText(By.id("reading"), "Orders arrive within 2 to 4 working days.");
			visitor.click(By.cssSelector("#reading .link"));
			visitor.click(By.cssSelector("#prechat button[type=submit]"));
			visitor.withText(By.cssSelector(".msg.bot .text"), "Hi! I am the assistant.");
			visitor.withText(By.cssSelector(".msg.bot[data-kind=answer] .text"), "within 2 to 4 working days");
			visitor.click(By.cssSelector(".msg.bot[data-kind=answer] [data-helpful=yes]"));
			visitor.shown(By.cssSelector(".msg.bot[data-kind=answer] .helpful"));
			visitor.screenshot("widget-assistant");

			visitor.type(By.id("message"), "I want to talk to a human", Keys.ENTER);
			desk.click(By.cssSelector("#chats .chat-item"));
			desk.withText(By.cssSelector(".msg.agent .text"), "within 2 to 4 working days");
			desk.withText(By.cssSelector(".msg.contact .text"), "How long will delivery of my order take?");
			desk.type(By.id("reply"), "Hello, I am Agent 1. How can I help?", Keys.ENTER);
			visitor.withText(By.cssSelector(".msg.agent:not(.bot) .text"), "Hello, I am Agent 1.");
			assertThat(visitor.consoleErrors()).isEmpty();
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	@Test
	void helpCenterFindsAnArticleAsTheCustomerTypesAndCountsTheVote() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		String id = api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "ARTICLE", "status", "PUBLISHED",
				"title", "退货政策", "body", "## 七天无理由退货\n\n收到商品后**七天内**可申请退货：\n\n- 商品完好\n- 附件齐全"))
			.path("id").asString();
		api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "FAQ", "status", "DRAFT", "title", "退货内部流程",
				"body", "仅供内部参考"));

		try (Browser browser = Browser.open(1280, 800, "zh-CN")) {
			browser.get(api.base() + "/help/" + tenant.slug());
			browser.type(By.id("help-search"), "退货");
			browser.withText(By.cssSelector("#results .result"), "退货政策");
			assertThat(browser.driver().findElements(By.cssSelector("#results .result"))).hasSize(1);
			browser.click(By.cssSelector("#results .result"));
			browser.withText(By.cssSelector("#article h3"), "七天无理由退货");
			browser.withText(By.cssSelector("#article strong"), "七天内");
			browser.click(By.cssSelector("#vote [data-helpful=yes]"));
			browser.withText(By.id("vote"), "感谢您的反馈");
			browser.screenshot("help-center");
			assertThat(browser.consoleErrors()).isEmpty();
		}
		assertThat(api.get("/api/v1/help/" + tenant.slug() + "/articles/" + id, null).path("helpful").asInt())
			.isEqualTo(1);
	}
}
