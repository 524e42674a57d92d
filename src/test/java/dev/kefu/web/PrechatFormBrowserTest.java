package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** The widget's pre-chat form as the admin set it up, and the question typed there when no chat can be had. */
@BrowserTest
class PrechatFormBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void widgetShowsTheAdminsOwnLabelsAndTranslatesTheDefaultOnes() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		JsonNode widget = api.get("/api/v1/admin/widget", admin);
		api.put("/api/v1/admin/widget", admin, Map.of("title", widget.path("title").asString(), "primaryColor",
				widget.path("primaryColor").asString(), "greeting", widget.path("greeting").asString(),
				"prechatFields", List.of(
						Map.of("key", "name", "label", "怎么称呼您 / How should we call you", "type", "text",
								"required", false),
						Map.of("key", "email", "label", "Work e-mail for the invoice", "type", "email", "required",
								true),
						Map.of("key", "phone", "label", "Phone", "type", "phone", "required", false))));

		try (Browser browser = Browser.open(1280, 800, "zh-CN")) {
			browser.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(browser);
			browser.withText(By.id("prechat"), "怎么称呼您 / How should we call you");
			browser.withText(By.id("prechat"), "Work e-mail for the invoice");
			// A label left as the default one is shown in the visitor's language.
			browser.withText(By.id("prechat"), "电话");
			assertThat(browser.shown(By.id("prechat")).getText()).doesNotContain("Phone");
			browser.click(By.cssSelector("#prechat button[type=submit]"));
			assertThat(browser.shown(By.cssSelector("#prechat .error")).getText())
				.contains("Work e-mail for the invoice");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void withNobodyOnlineTheQuestionTypedBeforeStartingIsInTheMessageForm() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		try (Browser browser = Browser.open(1280, 800, "en-US")) {
			browser.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(browser);
			browser.type(By.id("first-question"), "Do you ship on Saturdays?");
			browser.click(By.cssSelector("#prechat button[type=submit]"));
			browser.await(d -> browser.shown(By.cssSelector("#leave-form textarea[name=body]")).getDomProperty("value")
				.equals("Do you ship on Saturdays?"));
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void whenTheAssistantOffersToTakeAMessageTheFirstQuestionIsInTheMessageForm() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/assistant", admin, Map.of("enabled", true, "name",
				"Kefu Assistant", "greeting", "您好，我是智能助手。", "threshold", 0.75));
		try (Browser browser = Browser.open(1280, 800, "zh-CN")) {
			browser.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(browser);
			browser.type(By.id("first-question"), "请问周末发货吗？");
			browser.click(By.cssSelector("#prechat button[type=submit]"));
			browser.withText(By.cssSelector(".msg.me .text"), "请问周末发货吗？");
			browser.type(By.id("message"), "转人工", Keys.ENTER);
			browser.click(By.cssSelector(".msg .leave-instead"));
			browser.await(d -> browser.shown(By.cssSelector("#leave-form textarea[name=body]")).getDomProperty("value")
				.equals("请问周末发货吗？"));
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}
}
