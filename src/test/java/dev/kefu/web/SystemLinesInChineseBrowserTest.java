package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The lines the system writes into a chat (connecting, who serves, the end) are shown in the reader's language, on the
 * widget and on the desk, whatever language the server stored them in (issue 14, defect 6).
 */
@BrowserTest
class SystemLinesInChineseBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void chineseWidgetAndDeskShowTheHandoverTheAgentServingAndTheEndInChinese() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		String agent = tenant.agentToken(api, 0);
		String agentName = tenant.agent(0).name();
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/assistant", admin, Map.of("enabled", true, "name",
				"小助手", "greeting", "您好！我是智能助手。", "threshold", 0.75));

		try (Browser visitor = Browser.open(1280, 800, "zh-CN"); Browser desk = Browser.open(1280, 800, "zh-CN")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return api.get("/api/v1/agents/me", agent).path("status").asString().equals("ONLINE");
			});

			visitor.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(visitor);
			visitor.type(By.cssSelector("#prechat input[name=name]"), "王芳");
			visitor.click(By.cssSelector("#prechat button[type=submit]"));
			visitor.withText(By.cssSelector(".msg.bot .text"), "您好！我是智能助手。");
			visitor.type(By.id("message"), "转人工", Keys.ENTER);

			By widgetLines = By.cssSelector(".msg.system .text");
			visitor.withText(widgetLines, "正在为您连接人工客服");
			visitor.withText(widgetLines, agentName + " 正在为您服务");

			desk.click(By.cssSelector("#chats .chat-item"));
			By deskLines = By.cssSelector("#timeline .msg.system .text");
			desk.withText(deskLines, "正在为您连接人工客服");
			desk.withText(deskLines, agentName + " 正在为您服务");

			String id = api.get("/api/v1/conversations/mine", agent).get(0).path("id").asString();
			api.post("/api/v1/conversations/" + id + "/close", agent, Map.of("reason", "resolved"));
			visitor.withText(widgetLines, "会话已结束");
			desk.withText(deskLines, "会话已结束");

			assertThat(visitor.driver().findElements(widgetLines).stream().map(e -> e.getText()).toList())
				.noneMatch(text -> text.contains("Connecting") || text.contains("serving you") || text.contains("has ended"));
			assertThat(visitor.consoleErrors()).isEmpty();
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}
}
