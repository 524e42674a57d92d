package dev.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import dev.kefu.testing.Api;
import dev.kefu.testing.KefuNode;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The node that reads a mailbox restarts: the next node goes on where it stopped, so no mail is skipped, and a mail
 * read again (the node died after storing it, before committing its UID) is stored once. The test's own node reads no
 * mailbox; two more nodes on the same database take turns.
 */
@ServerTest
@TestPropertySource(properties = "kefu.email.read=false")
class EmailRestartTest {

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

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRestartedNodeNeitherReadsAMailTwiceNorSkipsOne() throws Exception {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		String agent = tenant.agentToken(api, 0);
		mail.setUser("support@example.com", "support@example.com", "secret");
		String channelId = api.post("/api/v1/admin/channels", admin, Map.of("provider", "email", "name", "Mail",
				"configuration", configuration())).path("id").asString();

		MimeMessage first = customerMail("Order 7", "First mail");
		JsonNode chat;
		try (ConfigurableApplicationContext node = reading("first")) {
			new Api(KefuNode.port(node)).status(agent, "ONLINE");
			send(first);
			chat = await().atMost(Duration.ofSeconds(20))
				.until(() -> api.get("/api/v1/conversations/mine", agent), mine -> mine.size() == 1)
				.get(0);
			await().atMost(Duration.ofSeconds(10)).until(() -> texts(api, agent, chat).size() == 1);
		}
		// As if the node had died after storing the mail and before committing its UID.
		jdbc.sql("UPDATE email_mailbox SET last_uid = 0 WHERE channel_id = ?").param(UUID.fromString(channelId)).update();
		MimeMessage second = customerMail("Re: Order 7", "Second mail");
		second.setHeader("In-Reply-To", first.getMessageID());
		send(second);

		try (ConfigurableApplicationContext node = reading("second")) {
			new Api(KefuNode.port(node)).status(agent, "ONLINE");
			await().atMost(Duration.ofSeconds(20)).until(() -> texts(api, agent, chat).size() >= 2);
		}

		assertThat(texts(api, agent, chat)).containsExactly("Subject: Order 7\n\nFirst mail", "Second mail");
		assertThat(jdbc.sql("SELECT last_uid FROM email_mailbox WHERE channel_id = ?")
			.param(UUID.fromString(channelId))
			.query(Long.class)
			.single()).isEqualTo(2L);
	}

	/** A node that reads mailboxes, with a search index of its own, as in production. */
	private ConfigurableApplicationContext reading(String name) {
		return KefuNode.besides(context.getEnvironment(), Map.of("kefu.email.read", "true", "kefu.email.scan", "200ms",
				"kefu.email.idle", "2s", "kefu.knowledge.index-dir",
				context.getEnvironment().getRequiredProperty("kefu.data-dir") + "/index/" + name));
	}

	private static List<String> texts(Api api, String agent, JsonNode chat) {
		return api.get("/api/v1/conversations/" + chat.path("id").asString() + "/messages?after=0&limit=200", agent)
			.valueStream()
			.filter(m -> m.path("sender").path("type").asString().equals("CONTACT"))
			.map(m -> m.path("text").asString())
			.toList();
	}

	private static Map<String, Object> configuration() {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("address", "support@example.com");
		configuration.put("imapHost", "127.0.0.1");
		configuration.put("imapPort", IMAP);
		configuration.put("imapTls", false);
		configuration.put("imapUser", "support@example.com");
		configuration.put("imapPassword", "secret");
		configuration.put("smtpHost", "127.0.0.1");
		configuration.put("smtpPort", SMTP);
		configuration.put("smtpSecurity", "NONE");
		configuration.put("pollSeconds", 1);
		return configuration;
	}

	private static MimeMessage customerMail(String subject, String body) throws Exception {
		Properties smtp = new Properties();
		smtp.put("mail.smtp.host", "127.0.0.1");
		smtp.put("mail.smtp.port", Integer.toString(SMTP));
		MimeMessage message = new MimeMessage(Session.getInstance(smtp));
		message.setFrom(new InternetAddress("li.lei@example.org", "Li Lei"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("support@example.com"));
		message.setSubject(subject, "UTF-8");
		message.setText(body, "UTF-8");
		message.saveChanges();
		return message;
	}

	private static void send(MimeMessage message) throws Exception {
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
}
