package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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

/**
 * The desk's contacts view in Chromium (issue 14): a supervisor finds a customer, reads a past chat from their
 * history, then merges the contact the same customer made when leaving a message, after a side-by-side preview.
 */
@BrowserTest
class ContactsBrowserTest {

	private static final By CONTACTS = By.cssSelector("#contacts-list .contact-item");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void supervisorFindsAContactReadsTheirHistoryAndMergesTwo() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String lead = tenant.slug() + "-lead";
		context.getBean(StaffMembers.class).create(tenant.id(), lead, TestTenant.PASSWORD, new StaffMembers.Profile(
				"Lead", null, Set.of(Role.AGENT, Role.SUPERVISOR), 5, true, List.of(tenant.group().id())));
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		api.put("/api/v1/visitor/profile", chat.visitor(), Map.of("name", "Wang Fang", "phone", "+86 139 1234 5678"));
		chat.customer("我的快递丢了").agent("我来帮您查一下");
		chat.close();
		String second = api.visitor(tenant.slug());
		api.put("/api/v1/visitor/profile", second, Map.of("name", "W. Fang", "email", "wang@example.com"));
		api.post("/api/v1/visitor/tickets", second, Map.of("clientMsgId", "t-1", "email", "wang@example.com",
				"subject", "Invoice", "body", "Please send the invoice again"));
		String wang = api.get("/api/v1/visitor/profile", chat.visitor()).path("id").asString();
		String other = api.get("/api/v1/visitor/profile", second).path("id").asString();

		try (Browser desk = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), lead);
			desk.click(By.id("view-contacts"));
			desk.await(d -> d.findElements(CONTACTS).size() == 2);

			desk.type(By.id("contacts-q"), "1391234");
			desk.click(By.id("contacts-go"));
			desk.await(d -> d.findElements(CONTACTS).size() == 1);
			desk.click(By.cssSelector("#contacts-list .contact-item[data-contact='" + wang + "']"));
			desk.withText(By.id("contact-name"), "Wang Fang");
			desk.withText(By.cssSelector("#contact-profile dd[data-field='phone']"), "+86 139 1234 5678");
			desk.click(By.cssSelector("#contact-conversations .contact-conversation[data-conversation='" + chat.id() + "']"));
			desk.withText(By.cssSelector("#contact-transcript .msg.contact .text"), "我的快递丢了");
			assertThat(desk.driver().findElements(By.cssSelector("#contact-tickets li"))).isEmpty();

			desk.click(By.id("contact-merge"));
			desk.type(By.id("merge-q"), "wang@");
			desk.click(By.id("merge-find"));
			desk.click(By.cssSelector("#merge-panel .merge-candidate[data-contact='" + other + "']"));
			desk.withText(By.cssSelector("#merge-preview tr[data-field='name'] .keep"), "Wang Fang");
			desk.withText(By.cssSelector("#merge-preview tr[data-field='name'] .gone"), "W. Fang");
			desk.withText(By.cssSelector("#merge-preview tr[data-field='name'] .result"), "Wang Fang");
			desk.withText(By.cssSelector("#merge-preview tr[data-field='email'] .result"), "wang@example.com");
			desk.click(By.id("merge-confirm"));

			desk.withText(By.id("contact-notice"), "W. Fang was merged into this contact.");
			desk.withText(By.cssSelector("#contact-profile dd[data-field='email']"), "wang@example.com");
			// The left message moves over once the ticket module has handled the merge.
			desk.await(d -> {
				if (!d.findElements(By.cssSelector("#contact-tickets li")).isEmpty()) {
					return true;
				}
				try {
					d.findElement(By.cssSelector("#contacts-list .contact-item[data-contact='" + wang + "']")).click();
				}
				catch (org.openqa.selenium.StaleElementReferenceException replaced) {
					// Vue redrew the list; the next round clicks the new one.
				}
				return false;
			});
			desk.withText(By.cssSelector("#contact-tickets li"), "Invoice");
			desk.shown(By.cssSelector("#contact-conversations .contact-conversation[data-conversation='" + chat.id() + "']"));
			desk.type(By.id("contacts-q"), Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
			desk.click(By.id("contacts-go"));
			desk.await(d -> d.findElements(CONTACTS).size() == 1);
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}
}
