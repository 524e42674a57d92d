package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.TestTenant;

/**
 * Tags and disposition codes in Chromium: the admin keeps the tag list and the codes and makes the group require one;
 * the agent tags a chat, is asked for a disposition at close, picks one and closes; the report splits by it.
 */
@BrowserTest
class TagsAndDispositionBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void agentTagsAChatAndMustPickADispositionToCloseItWhichTheReportSplitsBy() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);

		try (Browser admin = Browser.open(1280, 800, "en-US")) {
			admin.get(api.base() + "/admin/");
			admin.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			admin.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			admin.click(By.cssSelector("#login button[type=submit]"));
			admin.click(By.id("tab-tags"));
			admin.type(By.cssSelector("#tag-form input[name=newTagName]"), "VIP");
			admin.click(By.cssSelector("#tag-form button[type=submit]"));
			admin.shown(By.cssSelector("#tag-list tr[data-tag=VIP]"));
			admin.type(By.cssSelector("#disposition-form input[name=dispositionName]"), "咨询");
			admin.click(By.cssSelector("#disposition-form button[type=submit]"));
			admin.shown(By.cssSelector("#disposition-list tr[data-disposition='咨询']"));
			admin.type(By.cssSelector("#disposition-form input[name=dispositionName]"), "物流");
			choose(admin, By.cssSelector("#disposition-form select[name=dispositionParent]"), "咨询");
			admin.click(By.cssSelector("#disposition-form button[type=submit]"));
			admin.shown(By.cssSelector("#disposition-list tr[data-disposition='咨询 > 物流']"));
			admin.click(By.cssSelector("#disposition-groups input[name=require-General]"));
			admin.click(By.cssSelector("#disposition-groups button[type=submit]"));
			admin.withText(By.cssSelector("#disposition-groups [role=status]"), "Saved");
			assertThat(admin.consoleErrors()).isEmpty();
		}

		String agent = tenant.agentToken(api, 0);
		ServedChat chat = ServedChat.start(api, tenant, agent).customer("Where is my parcel?");
		try (Browser desk = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.click(By.cssSelector("#chats .chat-item"));
			choose(desk, By.cssSelector("#chat-tags .tag-add"), "VIP");
			desk.shown(By.cssSelector("#chat-tags .tag-chip[data-tag=VIP]"));

			desk.click(By.id("close-chat"));
			desk.type(By.id("summary"), "Parcel is on its way");
			desk.withText(By.cssSelector("#close-form .disposition-picker"), "(required)");
			desk.click(By.cssSelector("#close-form button[type=submit]"));
			desk.withText(By.id("close-error"), "requires a disposition");
			assertThat(api.get("/api/v1/conversations/" + chat.id(), agent).path("state").asString()).isEqualTo("ASSIGNED");

			choose(desk, By.id("disposition"), "咨询 > 物流");
			desk.click(By.cssSelector("#close-form button[type=submit]"));
			desk.shown(By.id("chat-ended"));
			assertThat(desk.consoleErrors()).isEmpty();
		}
		assertThat(api.get("/api/v1/conversations/" + chat.id() + "/tags", agent).get(0).path("name").asString())
			.isEqualTo("VIP");

		String adminToken = tenant.adminToken(api);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/reports/kpis?by=disposition", adminToken).path("rows").toString()
				.contains("咨询 > 物流"));
		try (Browser ops = Browser.open(1280, 800, "en-US")) {
			OpsPage.login(ops, api.base(), tenant.adminUsername());
			ops.click(By.id("tab-reports"));
			ops.withText(By.cssSelector("#kpi-table tbody tr.row td[data-figure=conversations]"), "1");
			choose(ops, By.id("report-by"), "Disposition");
			ops.withText(By.cssSelector("#kpi-table tbody tr.row td:nth-child(2)"), "咨询 > 物流");
			choose(ops, By.id("report-by"), "Tag");
			ops.withText(By.cssSelector("#kpi-table tbody tr.row td:nth-child(2)"), "VIP");
			assertThat(ops.consoleErrors()).isEmpty();
		}
	}

	/** Picks an option by its text once the options have loaded. */
	private static void choose(Browser browser, By select, String text) {
		browser.await(d -> {
			try {
				new Select(browser.shown(select)).selectByVisibleText(text);
				return true;
			}
			catch (NoSuchElementException | StaleElementReferenceException notYet) {
				return null;
			}
		});
	}
}
