package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Role;
import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Quality in Chromium: the admin sets what inspection looks for; a QA inspector writes a rubric, opens a closed chat
 * from the queue, sees what inspection found on the agent's message, and scores the chat with a remark on that
 * message; the agent finds the review under "My reviews" and appeals it; the supervisor revises the score.
 */
@BrowserTest
class QualityBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StaffMembers staff;

	@Test
	void inspectorScoresAChatWithARemarkTheAgentAppealsAndTheSupervisorRevisesTheScore() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String admin = tenant.adminToken(api);
		String inspectorName = tenant.slug() + "-qa";
		staff.create(tenant.id(), inspectorName, TestTenant.PASSWORD,
				new StaffMembers.Profile("Qiu Inspector", null, Set.of(Role.QA_INSPECTOR), 1, true, List.of()));
		String inspector = api.login(inspectorName, TestTenant.PASSWORD);
		// The admin, in Chinese, sends every closed chat to the queue and forbids "not my problem".
		try (Browser lead = Browser.open(1280, 800, "zh-CN")) {
			OpsPage.login(lead, api.base(), tenant.adminUsername());
			lead.withText(By.id("tab-quality"), "质检").click();
			lead.withText(By.id("tab-qa-settings"), "设置").click();
			// The defaults have loaded before anything is changed.
			lead.await(d -> d.findElement(By.cssSelector("#qa-settings-form textarea[name=greetings]"))
				.getDomProperty("value").contains("您好"));
			lead.type(By.cssSelector("#qa-settings-form input[name=samplePercent]"), Keys.chord(Keys.CONTROL, "a"), "100");
			lead.type(By.cssSelector("#qa-settings-form textarea[name=forbidden]"), "not my problem");
			lead.click(By.id("save-qa-settings"));
			lead.withText(By.cssSelector("#qa-settings-form [role=status]"), "已保存");
			assertThat(lead.consoleErrors()).isEmpty();
		}
		JsonNode settings = api.get("/api/v1/quality/settings", admin);
		assertThat(settings.path("samplePercent").asInt()).isEqualTo(100);
		assertThat(settings.path("forbidden").valueStream().map(JsonNode::asString)).containsExactly("not my problem");
		ServedChat served = ServedChat.start(api, tenant, tenant.agentToken(api, 0))
			.customer("My parcel arrived broken")
			.agent("Sorry, that is not my problem");
		served.close();
		String chat = served.id();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/quality/queue", inspector)
				.valueStream()
				.anyMatch(task -> task.path("conversationId").asString().equals(chat)));

		try (Browser qa = Browser.open(1280, 800, "en-US"); Browser desk = Browser.open(1280, 800, "en-US")) {
			OpsPage.login(qa, api.base(), inspectorName);
			// The inspector writes the rubric: two items, weight 1 and 5 points each (the defaults).
			qa.click(By.id("tab-qa-rubrics"));
			qa.type(By.id("rubric-name"), "Chat basics");
			qa.type(By.cssSelector("#rubric-form .rubric-item:nth-child(1) .item-name"), "Courtesy");
			qa.click(By.id("add-item"));
			qa.type(By.cssSelector("#rubric-form .rubric-item:nth-child(2) .item-name"), "Accuracy");
			qa.click(By.id("save-rubric"));
			qa.shown(By.cssSelector("#rubric-list li[data-rubric='Chat basics']"));
			assertThat(api.get("/api/v1/quality/rubrics", inspector).path(0).path("items").valueStream()
				.map(i -> i.path("name").asString() + " " + i.path("weight").asInt() + "/" + i.path("maxPoints").asInt()))
				.containsExactly("Courtesy 1/5", "Accuracy 1/5");
			qa.click(By.id("tab-qa-queue"));
			qa.withText(By.cssSelector("#qa-queue tr[data-conversation='" + chat + "']"), "Findings");
			qa.withText(By.cssSelector("#qa-queue tr[data-conversation='" + chat + "']"), "Agent 1");
			qa.click(By.cssSelector("#qa-queue tr[data-conversation='" + chat + "'] [data-action=open-task]"));

			// The finding is marked on the agent's message it is about.
			qa.withText(By.cssSelector("#review-task .msg.agent.flagged .mark-note.finding"), "Forbidden phrase");
			qa.await(d -> {
				new Select(qa.shown(By.id("rubric"))).selectByVisibleText("Chat basics");
				return true;
			});
			qa.type(By.cssSelector("#scores [data-item=Courtesy] input"), Keys.chord(Keys.CONTROL, "a"), "2");
			qa.withText(By.cssSelector("#review-task .msg.agent"), "not my problem").click();
			qa.type(By.id("comment-text"), "Say what you will do instead");
			qa.click(By.id("add-comment"));
			qa.withText(By.cssSelector("#review-task .msg.agent .mark-note.comment"), "Say what you will do instead");
			qa.type(By.id("review-summary"), "Impolite refusal");
			qa.screenshot("quality-review");
			qa.click(By.id("submit-review"));
			// (1·2/5 + 1·5/5) / 2 × 100
			qa.withText(By.id("review-done"), "Score: 70");
			assertThat(qa.driver().findElements(By.cssSelector("#qa-queue tr[data-conversation='" + chat + "']")))
				.as("a reviewed chat leaves the queue")
				.isEmpty();

			OpsPage.login(desk, api.base(), tenant.agent(0).username());
			desk.click(By.id("tab-quality"));
			desk.withText(By.cssSelector("#my-reviews .review-list .score"), "70");
			desk.click(By.cssSelector("#my-reviews [data-action=open-review]"));
			desk.withText(By.id("review-score"), "70");
			desk.withText(By.cssSelector("#review-detail .msg.agent .mark-note.comment"), "Say what you will do instead");
			desk.withText(By.cssSelector("#review-detail .msg.agent .mark-note.finding"), "Forbidden phrase");
			desk.type(By.id("appeal-reason"), "The customer's courier broke it, not us");
			desk.click(By.cssSelector("#appeal-form button[type=submit]"));
			desk.withText(By.id("appeal"), "The customer's courier broke it, not us");
			assertThat(desk.driver().findElements(By.id("appeal-form"))).as("an appeal is made once").isEmpty();
			assertThat(api.get("/api/v1/quality/reviews?appeal=open", admin)).hasSize(1);

			assertThat(qa.consoleErrors()).isEmpty();
			assertThat(desk.consoleErrors()).isEmpty();
		}

		// The supervisor, in Chinese, revises the score on appeal: (1·4/5 + 1·5/5) / 2 × 100.
		try (Browser lead = Browser.open(1280, 800, "zh-CN")) {
			OpsPage.login(lead, api.base(), tenant.adminUsername());
			lead.withText(By.id("tab-quality"), "质检").click();
			lead.withText(By.id("tab-qa-appeals"), "申诉").click();
			lead.click(By.cssSelector("#appeals [data-action=open-review]"));
			lead.click(By.cssSelector("#decision-form input[value=REVISED]"));
			lead.withText(By.cssSelector("#decision-form label.score"), "Courtesy")
				.findElement(By.tagName("input"))
				.sendKeys(Keys.chord(Keys.CONTROL, "a"), "4");
			lead.type(By.id("decision-comment"), "快递损坏，不是客服的问题");
			lead.click(By.cssSelector("#decision-form button[type=submit]"));
			lead.withText(By.cssSelector("#appeals [role=status]"), "申诉已裁决");
			lead.await(d -> d.findElements(By.cssSelector("#appeals .review-list tr[data-review]")).isEmpty());
			assertThat(lead.consoleErrors()).isEmpty();
		}
		assertThat(api.get("/api/v1/quality/reviews?appeal=open", admin)).as("no appeal left open").isEmpty();
		JsonNode revised = api.get("/api/v1/quality/reviews?agentId=" + tenant.agent(0).id(), admin).path(0);
		assertThat(revised.path("score").asDouble()).isEqualTo(90.0);
		assertThat(revised.path("appeal").path("decision").asString()).isEqualTo("REVISED");
	}
}
