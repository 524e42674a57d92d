package dev.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * An admin sets up an e-mail channel in the console against a real mail server (GreenMail), testing the connection
 * first; a customer's mail arrives on the desk labelled as e-mail, and the agent's answer reaches the customer's
 * mailbox.
 */
@BrowserTest
@TestPropertySource(properties = { "kefu.email.scan=200ms", "kefu.email.idle=2s", "kefu.channels.retry-base=100ms" })
class EmailChannelBrowserTest {

	static final int SMTP = freePort();
	static final int IMAP = freePort();

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
			new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
			new ServerSetup(IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anAdminSetsUpAnEmailChannelAndAnAgentAnswersAMailFromTheDesk() throws Exception {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		api.status(tenant.agentToken(api, 0), "ONLINE");
		mail.setUser("help@example.com", "help@example.com", "secret");
		mail.setUser("zhang.wei@example.org", "zhang.wei@example.org", "secret");

		try (Browser admin = Browser.open(1280, 1400, "en")) {
			admin.get(api.base() + "/admin/");
			admin.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			admin.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			admin.click(By.cssSelector("#login button[type=submit]"));
			admin.click(By.id("tab-channels"));
			new Select(admin.shown(By.cssSelector("#new-channel select[name=provider]"))).selectByValue("email");
			admin.type(By.cssSelector("#new-channel input[name=name]"), "Help mail");
			admin.type(By.cssSelector("#new-channel input[name=address]"), "help@example.com");
			admin.type(By.cssSelector("#new-channel input[name=displayName]"), "Example Help");
			admin.type(By.cssSelector("#new-channel input[name=imapHost]"), "127.0.0.1");
			admin.type(By.cssSelector("#new-channel input[name=imapPort]"), Integer.toString(IMAP));
			admin.type(By.cssSelector("#new-channel input[name=imapUser]"), "help@example.com");
			admin.type(By.cssSelector("#new-channel input[name=imapPassword]"), "wrong");
			admin.type(By.cssSelector("#new-channel input[name=smtpHost]"), "127.0.0.1");
			admin.type(By.cssSelector("#new-channel input[name=smtpPort]"), Integer.toString(SMTP));
			admin.type(By.cssSelector("#new-channel input[name=smtpSecurity]"), "NONE");
			admin.type(By.cssSelector("#new-channel input[name=pollSeconds]"), "1");

			admin.click(By.cssSelector("#new-channel [data-action=check-draft]"));
			admin.withText(By.id("channel-check"), "IMAP login refused by 127.0.0.1");
			admin.shown(By.cssSelector("#new-channel input[name=imapPassword]")).clear();
			admin.type(By.cssSelector("#new-channel input[name=imapPassword]"), "secret");
			admin.click(By.cssSelector("#new-channel [data-action=check-draft]"));
			admin.withText(By.id("channel-check"), "Connection works");
			admin.screenshot("admin-email-channel");
			admin.click(By.cssSelector("#new-channel button[type=submit]"));
			admin.withText(By.cssSelector("#channel-list tr[data-provider=email]"), "help@example.com");
			assertThat(admin.consoleErrors()).isEmpty();
		}

		send("Invoice for order 8812", "Could you send me the invoice, please?");

		try (Browser desk = Browser.open(1280, 800, "en")) {
			DeskLogin.login(desk, api.base(), tenant.agent(0).username());
			desk.withText(By.cssSelector("#chats .chat-item .channel[data-channel=email]"), "E-mail · Help mail");
			desk.click(By.cssSelector("#chats .chat-item"));
			desk.withText(By.id("chat-channel"), "E-mail · Help mail");
			desk.withText(By.cssSelector("li.msg.contact"), "Subject: Invoice for order 8812");
			desk.type(By.id("reply"), "The invoice is on its way.", Keys.ENTER);
			assertThat(desk.consoleErrors()).isEmpty();
		}

		MimeMessage answer = await().atMost(Duration.ofSeconds(30))
			.until(() -> List.of(mail.getReceivedMessagesForDomain("zhang.wei@example.org")), got -> !got.isEmpty())
			.getFirst();
		assertThat(answer.getSubject()).isEqualTo("Re: Invoice for order 8812");
		assertThat(GreenMailUtil.getBody(answer)).contains("The invoice is on its way.");
	}

	private static void send(String subject, String body) throws Exception {
		Properties smtp = new Properties();
		smtp.put("mail.smtp.host", "127.0.0.1");
		smtp.put("mail.smtp.port", Integer.toString(SMTP));
		MimeMessage message = new MimeMessage(Session.getInstance(smtp));
		message.setFrom(new InternetAddress("zhang.wei@example.org", "Zhang Wei"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("help@example.com"));
		message.setSubject(subject, "UTF-8");
		message.setText(body, "UTF-8");
		Transport.send(message);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The desk's login, as an agent does it (the web tests' DeskPage is package-private there). */
	private static final class DeskLogin {

		static void login(Browser desk, String base, String username) {
			desk.get(base + "/desk/");
			desk.type(By.cssSelector("#login input[name=username]"), username);
			desk.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			desk.click(By.cssSelector("#login button[type=submit]"));
			desk.shown(By.id("status"));
		}
	}
}
