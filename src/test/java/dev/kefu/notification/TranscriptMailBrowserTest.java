package dev.kefu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The system's mail as people see it in the browser: "e-mail me the transcript" in the widget at the end of a chat, and
 * the desk's answer box saying the answer will be e-mailed, then that it was; the mail is caught by GreenMail.
 */
@BrowserTest
class TranscriptMailBrowserTest {

	static final SmtpServer smtp = new SmtpServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.port);
		registry.add("kefu.mail.poll-interval", () -> "100ms");
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void visitorAsksForTheTranscriptByEmailWhenTheChatHasEnded() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		String address = "wang.fang-" + tenant.slug() + "@example.com";
		try (Browser browser = Browser.open(1280, 800, "en-US")) {
			browser.get(api.base() + "/chat/?org=" + tenant.slug());
			browser.type(By.cssSelector("#prechat input[name=name]"), "Wang Fang");
			browser.type(By.cssSelector("#prechat input[name=email]"), address);
			browser.click(By.cssSelector("#prechat button[type=submit]"));
			browser.type(By.id("message"), "Can I change the delivery address?", Keys.ENTER);
			browser.withText(By.cssSelector(".msg.me .mark"), "Delivered");
			JsonNode mine = api.get("/api/v1/conversations/mine", agent);
			String conversationId = mine.get(0).path("id").asString();
			api.post("/api/v1/conversations/" + conversationId + "/messages", agent,
					Map.of("clientMsgId", "agent-1", "text", "Yes, until it ships."));
			browser.withText(By.cssSelector(".msg.agent .text"), "Yes, until it ships.");

			browser.click(By.id("end-chat"));

			assertThat(browser.shown(By.id("transcript-email")).getDomProperty("value")).isEqualTo(address);
			browser.click(By.id("transcript-mail-send"));
			browser.withText(By.cssSelector("#transcript-mail .mail-state"), "The transcript was sent to " + address);
			assertThat(browser.consoleErrors()).isEmpty();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.to(address).isEmpty());
		MimeMessage mail = smtp.to(address).getFirst();
		assertThat(SmtpServer.text(mail)).contains("Wang Fang: Can I change the delivery address?",
				"Agent 1: Yes, until it ships.", "The conversation has ended");
	}

	@Test
	void deskSaysTheAnswerIsEmailedAndThenThatItWas() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String address = "li.na-" + tenant.slug() + "@example.com";
		api.post("/api/v1/visitor/tickets", api.visitor(tenant.slug()), Map.of("clientMsgId", "t-1", "email", address,
				"subject", "Invoice", "body", "Please send the invoice again"));
		try (Browser desk = Browser.open(1280, 800, "en-US")) {
			desk.get(api.base() + "/desk/");
			desk.type(By.cssSelector("#login input[name=username]"), tenant.agent(0).username());
			desk.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			desk.click(By.cssSelector("#login button[type=submit]"));
			desk.click(By.id("view-tickets"));
			desk.click(By.cssSelector("#tickets .chat-item"));
			desk.await(d -> desk.shown(By.id("ticket-answer")).getDomAttribute("placeholder")
				.contains("It is e-mailed to " + address));

			desk.type(By.id("ticket-answer"), "Sent again just now.");
			desk.click(By.cssSelector("#ticket-reply button[type=submit]"));

			desk.withText(By.cssSelector("#ticket-thread .answer-mail"), "E-mailed to " + address);
			assertThat(desk.consoleErrors()).isEmpty();
		}
		assertThat(SmtpServer.text(smtp.to(address).getFirst())).contains("Sent again just now.");
	}
}
