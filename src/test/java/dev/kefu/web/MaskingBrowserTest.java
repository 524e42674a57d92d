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
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * A customer types a card number into the widget: they see it masked with a notice, the desk sees it masked, and in
 * the mask-on-display mode a supervisor reveals it (audited). The admin console's privacy tab sets the mode and tries
 * a pattern.
 */
@BrowserTest
@TestPropertySource(properties = "kefu.privacy.key=3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=")
class MaskingBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theCustomerSeesTheirCardNumberMaskedWithANoticeAndASupervisorRevealsIt() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		// The agent also supervises: staff who may reveal.
		api.put("/api/v1/admin/staff/" + tenant.agent(0).id(), admin, Map.of("displayName", tenant.agent(0).name(),
				"roles", List.of("AGENT", "SUPERVISOR"), "maxChats", 5, "enabled", true, "groupIds",
				List.of(tenant.group().id().toString())));

		try (Browser console = Browser.open(1280, 900, "zh-CN")) {
			console.get(api.base() + "/admin/");
			console.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			console.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			console.click(By.cssSelector("#login button[type=submit]"));
			console.withText(By.id("tab-privacy"), "隐私").click();
			console.click(By.cssSelector("#privacy-mode input[value=ON_DISPLAY]"));
			console.await(d -> api.get("/api/v1/admin/privacy/settings", admin).path("mode").asString()
				.equals("ON_DISPLAY"));
			console.type(By.cssSelector("#privacy-pattern-form input[name=patternName]"), "保单号");
			console.type(By.cssSelector("#privacy-pattern-form input[name=patternRegex]"), "PL\\d{8}");
			console.click(By.cssSelector("#privacy-pattern-form button[type=submit]"));
			console.shown(By.cssSelector("#privacy-patterns tr[data-pattern='保单号']"));
			console.type(By.cssSelector("#privacy-test textarea"), "保单 PL12345678，卡 6222 0212 3456 7894");
			console.click(By.cssSelector("#privacy-test button[type=submit]"));
			console.withText(By.id("privacy-result"), "存储为：保单 **********，卡 6222 **** **** 7894");
			console.screenshot("admin-privacy");
			assertThat(console.consoleErrors()).isEmpty();
		}

		try (Browser desk = Browser.open(1280, 800, "zh-CN"); Browser visitor = Browser.open(1280, 800, "zh-CN")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return true;
			});
			desk.await(d -> api.get("/api/v1/agents/me", tenant.agentToken(api, 0)).path("status").asString()
				.equals("ONLINE"));

			visitor.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(visitor);
			visitor.type(By.cssSelector("#prechat input[name=name]"), "王芳");
			visitor.click(By.cssSelector("#prechat button[type=submit]"));
			visitor.type(By.id("message"), "我的卡号是 6222 0212 3456 7894", Keys.ENTER);
			visitor.withText(By.cssSelector(".msg.me .text"), "我的卡号是 6222 **** **** 7894");
			visitor.withText(By.cssSelector(".msg.me [data-masked-notice]"), "为了您的安全，我们已隐藏卡号。");
			visitor.screenshot("widget-masked");

			desk.withText(By.cssSelector("#chats .chat-item"), "王芳").click();
			desk.withText(By.cssSelector(".msg.contact .text"), "我的卡号是 6222 **** **** 7894");
			desk.withText(By.cssSelector(".msg.contact [data-masked] .label"), "已脱敏");
			desk.withText(By.cssSelector(".msg.contact .reveal"), "查看原文").click();
			desk.withText(By.cssSelector(".msg.contact [data-revealed]"), "我的卡号是 6222 0212 3456 7894");
			desk.screenshot("desk-masked-revealed");
			assertThat(desk.consoleErrors()).isEmpty();
			assertThat(visitor.consoleErrors()).isEmpty();
			assertThat(visitor.driver().getPageSource()).doesNotContain("0212 3456");
		}
		assertThat(api.get("/api/v1/admin/audit", admin).path("entries").path(0).path("action").asString())
			.isEqualTo("message.revealed");
	}
}
