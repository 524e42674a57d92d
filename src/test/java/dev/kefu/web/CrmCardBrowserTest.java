package dev.kefu.web;

import static dev.kefu.testing.HostSignature.hmac;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.CrmStub;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * The admin turns on verified identity and points Kefu at the company's CRM (a real HTTP server here) in the
 * console; when a verified customer opens a chat, the agent's desk shows the CRM's card beside it, and says so when
 * the CRM is down while the chat goes on.
 */
@BrowserTest
@TestPropertySource(properties = "kefu.crm.allow-private-targets=true")
class CrmCardBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String agent;
	CrmStub crm;

	@BeforeEach
	void organizationAndCrm() throws Exception {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		crm = new CrmStub().answer("""
				{"fields": [{"label": "会员等级", "value": "金卡"}, {"label": "Open orders", "value": "2"}],
				 "links": [{"label": "Open in CRM", "url": "https://crm.example.com/customers/cust-88"},
				           {"label": "Evil", "url": "javascript:alert(1)"}]}""");
	}

	@AfterEach
	void stopCrm() {
		crm.close();
	}

	@Test
	void theAdminSetsUpTheCrmAndTheDeskShowsAVerifiedCustomersCard() throws GeneralSecurityException {
		try (Browser admin = Browser.open(1280, 900, "en-US")) {
			admin.get(api.base() + "/admin/");
			admin.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			admin.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			admin.click(By.cssSelector("#login button[type=submit]"));
			admin.click(By.id("tab-integrations"));
			String identitySecret = api.get("/api/v1/admin/identity", tenant.adminToken(api)).path("secret").asString();
			assertThat(admin.shown(By.id("identity-secret")).getText()).doesNotContain(identitySecret);
			admin.click(By.id("show-identity-secret"));
			admin.withText(By.id("identity-secret"), identitySecret);
			admin.click(By.id("require-identity"));
			admin.click(By.cssSelector("#identity-form button[type=submit]"));
			admin.shown(By.cssSelector("#identity-form .saved"));
			admin.type(By.id("crm-url"), crm.url());
			admin.click(By.id("crm-enabled"));
			admin.click(By.cssSelector("#crm-form button[type=submit]"));
			assertThat(admin.shown(By.id("crm-secret")).getText()).startsWith("whsec_");
			admin.click(By.cssSelector("#crm-test button[type=submit]"));
			assertThat(admin.withText(By.id("crm-test-result"), "金卡").getText()).contains("Open in CRM");
			assertThat(admin.consoleErrors()).isEmpty();
		}
		assertThat(crm.lookups()).hasSize(1);
		assertThat(api.get("/api/v1/admin/identity", tenant.adminToken(api)).path("allowAnonymous").asBoolean()).isFalse();
		JsonNode session = verifiedSession("cust-88");
		String chat = api.startChat(session.path("token").asString()).path("conversation").path("id").asString();
		say(session.path("token").asString(), chat, "Where is my order?");

		try (Browser desk = Browser.open(1280, 800, "zh-CN")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.withText(By.cssSelector("#chats .chat-item .verified"), "已认证");
			desk.click(By.cssSelector("#chats .chat-item"));
			assertThat(desk.shown(By.id("verified-customer")).getText()).contains("cust-88");
			WebElement card = desk.withText(By.id("crm-card"), "金卡");
			assertThat(card.getText()).contains("会员等级", "Open orders");
			assertThat(card.findElements(By.tagName("a"))).singleElement().satisfies(link -> {
				assertThat(link.getText()).isEqualTo("Open in CRM");
				assertThat(link.getDomAttribute("href")).isEqualTo("https://crm.example.com/customers/cust-88");
				assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
				assertThat(link.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
			});
			desk.screenshot("agent-desk-crm-card");
			assertThat(desk.consoleErrors()).isEmpty();
		}
		assertThat(crm.lookups()).hasSize(2);
		assertThat(crm.lookups().get(1).json().path("contact").path("externalId").asString()).isEqualTo("cust-88");
	}

	@Test
	void whenTheCrmIsDownTheDeskSaysSoAndTheChatGoesOn() throws GeneralSecurityException {
		api.put("/api/v1/admin/crm", tenant.adminToken(api), Map.of("lookupUrl", crm.url(), "enabled", true));
		crm.status(500);
		JsonNode session = verifiedSession("cust-down");
		String chat = api.startChat(session.path("token").asString()).path("conversation").path("id").asString();
		say(session.path("token").asString(), chat, "Hello?");

		try (Browser desk = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.click(By.cssSelector("#chats .chat-item"));
			desk.withText(By.cssSelector("#crm-card .crm-down"), "CRM unavailable: CRM answered HTTP 500");
			desk.type(By.id("reply"), "Hello, how can I help?", Keys.ENTER);
			desk.withText(By.cssSelector(".msg.me .mark"), "Delivered");

			crm.status(200);
			desk.click(By.id("crm-refresh"));
			desk.withText(By.id("crm-card"), "金卡");
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	private JsonNode verifiedSession(String userId) throws GeneralSecurityException {
		String secret = api.get("/api/v1/admin/identity", tenant.adminToken(api)).path("secret").asString();
		return api.post("/api/v1/visitor/sessions", null, Map.of("organization", tenant.slug(), "userId", userId,
				"userHash", hmac(secret, userId), "name", "Zhang Wei", "email", userId + "@example.com"));
	}

	private void say(String visitor, String chat, String text) {
		api.post("/api/v1/conversations/" + chat + "/messages", visitor,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", text));
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/" + chat, agent).path("state").asString().equals("ASSIGNED"));
	}
}
