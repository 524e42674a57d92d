package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * Conversation search in Chromium (issue 14): an agent on the desk and a supervisor in /ops/ search by words and
 * filters, see the hit marked in each result, and open the chat's transcript with its notes.
 */
@BrowserTest
class ConversationSearchBrowserTest {

	private static final By HITS = By.cssSelector("#search-results .search-hit");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void agentSearchesAChineseWordFiltersByStateAndOpensTheTranscript() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String agent = tenant.agentToken(api, 0);
		String refund = refundChat(api, tenant, agent);
		String parcel = parcelChat(api, tenant, agent);

		try (Browser desk = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.click(By.id("view-search"));
			// Before any words: everything the agent served, newest first.
			desk.await(d -> d.findElements(HITS).size() == 2);
			assertThat(desk.driver().findElements(HITS).getFirst().getDomAttribute("data-conversation")).isEqualTo(parcel);

			desk.type(By.id("search-q"), "退款");
			desk.click(By.id("search-go"));
			desk.await(d -> d.findElements(HITS).size() == 1);
			desk.withText(By.cssSelector("#search-results .search-hit[data-conversation='" + refund + "'] mark"), "退款");
			desk.withText(By.cssSelector("#search-results .search-hit .name"), "Wang Fang");
			desk.withText(By.cssSelector("#search-results .search-hit .rating"), "5 ★");

			new Select(desk.shown(By.id("search-state"))).selectByValue("ASSIGNED");
			desk.click(By.id("search-go"));
			desk.withText(By.cssSelector("#search-results .empty"), "No conversation matches.");
			new Select(desk.shown(By.id("search-state"))).selectByValue("CLOSED");
			desk.click(By.id("search-go"));
			desk.await(d -> d.findElements(HITS).size() == 1);

			desk.click(By.cssSelector("#search-results .search-hit[data-conversation='" + refund + "']"));
			desk.withText(By.cssSelector("#search-transcript .msg.contact .text"), "你好，我想申请退款");
			desk.withText(By.cssSelector("#search-transcript .msg.note .text"), "客户要求原路退回");
			desk.screenshot("conversation-search");
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	@Test
	void supervisorSearchesFromOpsByAgentAndSeesMarkupAsText() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String agent = tenant.agentToken(api, 0);
		refundChat(api, tenant, agent);
		String parcel = parcelChat(api, tenant, agent);

		try (Browser ops = Browser.open(1280, 800, "en-US")) {
			OpsPage.login(ops, api.base(), tenant.adminUsername());
			ops.click(By.id("tab-search"));
			ops.await(d -> d.findElements(HITS).size() == 2);

			new Select(ops.shown(By.id("search-agent"))).selectByVisibleText("Agent 1");
			ops.type(By.id("search-q"), "PARCEL");
			ops.click(By.id("search-go"));
			ops.await(d -> d.findElements(HITS).size() == 1);
			// The customer's markup is shown as the text they typed, the hit marked inside it.
			ops.withText(By.cssSelector("#search-results .search-hit .snippet"), "<b>lost</b>");
			ops.withText(By.cssSelector("#search-results .search-hit .snippet mark"), "parcel");
			assertThat(ops.driver().findElements(By.cssSelector("#search-results .snippet b"))).isEmpty();

			ops.click(By.cssSelector("#search-results .search-hit[data-conversation='" + parcel + "']"));
			ops.withText(By.cssSelector("#search-transcript .msg.contact .text"), "Where is my parcel?");
			assertThat(ops.consoleErrors()).isEmpty();
		}
	}

	/** A chat in Chinese from Wang Fang, with a note, closed and rated 5. */
	private static String refundChat(Api api, TestTenant tenant, String agent) {
		ServedChat chat = ServedChat.start(api, tenant, agent);
		api.put("/api/v1/visitor/profile", chat.visitor(), Map.of("name", "Wang Fang"));
		chat.customer("你好，我想申请退款").agent("好的，马上为您处理");
		api.post("/api/v1/conversations/" + chat.id() + "/notes", agent, Map.of("text", "客户要求原路退回"));
		chat.close();
		chat.rate(5);
		return chat.id();
	}

	/** A chat still going, whose customer typed markup. */
	private static String parcelChat(Api api, TestTenant tenant, String agent) {
		ServedChat chat = ServedChat.start(api, tenant, agent);
		chat.customer("Where is my parcel? It is <b>lost</b>");
		return chat.id();
	}
}
