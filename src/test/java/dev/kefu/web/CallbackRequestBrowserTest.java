package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * Call-back requests (回呼) in Chromium, in English and in Chinese: a customer asks in the widget to be called back,
 * an agent finds the request on the desk among the call-backs, records that the customer was reached, and the widget
 * tells the customer so without a reload.
 */
@BrowserTest
class CallbackRequestBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@ParameterizedTest
	@CsvSource({ "en-US, Waiting for our call, Reached, We called you: done",
			"zh-CN, 等待回电, 已接通, 已回电" })
	void customerAsksForACallBackAndTheAgentRecordsReachingThem(String language, String waiting, String reached,
			String done) {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		try (Browser widget = Browser.open(1280, 800, language); Browser desk = Browser.open(1280, 800, language)) {
			widget.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(widget);
			widget.click(By.id("ask-callback"));
			widget.type(By.cssSelector("#callback-form input[name=phone]"), "abc");
			widget.click(By.cssSelector("#callback-form button[type=submit]"));
			widget.shown(By.cssSelector("#callback-form .error"));
			widget.shown(By.cssSelector("#callback-form input[name=phone]")).clear();
			widget.type(By.cssSelector("#callback-form input[name=phone]"), "+86 138 0013 8000");
			// Tomorrow's first window: always ahead, whenever the test runs.
			Select when = new Select(widget.shown(By.cssSelector("#callback-form select[name=when]")));
			String window = when.getOptions()
				.stream()
				.filter(option -> option.getDomAttribute("value").startsWith("1-"))
				.findFirst()
				.orElseThrow()
				.getText();
			when.selectByValue("1-9");
			widget.type(By.cssSelector("#callback-form textarea[name=note]"), "Invoice 2026-118");
			widget.click(By.cssSelector("#callback-form button[type=submit]"));
			widget.shown(By.id("left"));
			widget.withText(By.id("callback-status"), waiting);
			assertThat(widget.shown(By.id("callback-card")).getText()).contains("+86 138 0013 8000")
				.contains(window.substring(window.indexOf(' ') + 1));

			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.click(By.id("view-tickets"));
			new Select(desk.shown(By.id("ticket-kind"))).selectByValue("CALLBACK");
			desk.click(By.cssSelector("#tickets .chat-item[data-kind=CALLBACK]"));
			desk.withText(By.cssSelector("#callback-panel .phone"), "+86 138 0013 8000");
			desk.withText(By.cssSelector("#ticket-thread .msg.contact"), "Invoice 2026-118");
			new Select(desk.shown(By.id("callback-outcome"))).selectByVisibleText(reached);
			desk.type(By.id("callback-note"), "Sent the invoice again");
			desk.click(By.id("record-callback"));
			desk.withText(By.id("callback-attempts"), reached);
			assertThat(desk.driver().findElements(By.id("callback-record"))).as("closed: no more calls").isEmpty();

			widget.withText(By.id("callback-status"), done);
			assertThat(widget.shown(By.id("callback-card")).getText()).doesNotContain("Sent the invoice again");
			assertThat(widget.consoleErrors()).isEmpty();
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	@Test
	void helpCenterOpensTheCallBackFormAndTheRequestIsStored() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		try (Browser help = Browser.open(1280, 800, "zh-CN")) {
			help.get(api.base() + "/help/" + tenant.slug());
			String link = help.withText(By.id("help-callback"), "预约回电").getDomAttribute("href");
			help.get(api.base() + link);
			help.type(By.cssSelector("#callback-form input[name=phone]"), "021-5555 0100");
			help.click(By.cssSelector("#callback-form button[type=submit]"));
			help.withText(By.id("callback-status"), "等待回电");
			assertThat(help.shown(By.id("callback-card")).getText()).contains("尽快回电");

			String agent = tenant.agentToken(api, 0);
			assertThat(api.get("/api/v1/tickets?kind=CALLBACK", agent).get(0).path("contactDetails").path("phone")
				.asString()).isEqualTo("021-5555 0100");
			assertThat(help.consoleErrors()).isEmpty();
		}
	}
}
