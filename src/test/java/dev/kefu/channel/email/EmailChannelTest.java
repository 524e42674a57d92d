package dev.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Customers write to a support mailbox on a real IMAP/SMTP server (GreenMail, started by the test): their mails become
 * chats, agents' answers arrive in their inbox threaded under them, their replies continue the chat, and automatic
 * mail never starts one. Each test has its own organization and its own mailbox, so channels of other tests, still
 * read by the shared server, never see its mail.
 */
@ServerTest
@TestPropertySource(properties = { "kefu.email.scan=200ms", "kefu.email.reconnect=300ms", "kefu.email.idle=2s",
		"kefu.email.lease=10s", "kefu.email.connect-timeout=2s", "kefu.email.read-timeout=5s",
		"kefu.channels.retry-base=100ms" })
class EmailChannelTest {

	static final int SMTP = freePort();
	static final int IMAP = freePort();
	static final AtomicInteger MAILBOXES = new AtomicInteger();

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
			new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
			new ServerSetup(IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) }).withPerMethodLifecycle(false);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Api api;
	TestTenant tenant;
	String admin;
	String agent;
	String support;
	String customer;
	String channelId;

	@BeforeEach
	void organizationWithAnEmailChannel() {
		// GreenMail's threads report the connections an outage cuts as uncaught exceptions; they fail no test here.
		Awaitility.doNotCatchUncaughtExceptionsByDefault();
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		int mailbox = MAILBOXES.incrementAndGet();
		support = "support" + mailbox + "@example.com";
		customer = "wang" + mailbox + "@example.org";
		users();
		channelId = api.post("/api/v1/admin/channels", admin, Map.of("provider", "email", "name", "Support mail",
				"configuration", configuration(support))).path("id").asString();
	}

	@AfterEach
	void deleteChannel() {
		Awaitility.reset();
		api.delete("/api/v1/admin/channels/" + channelId, admin);
	}

	@Test
	void aCustomersMailOpensAChatWithTheSubjectForTheAgentAndTheSenderAsContact() throws Exception {
		send(customerMail("Order 12345 has not arrived", "Hello,\nwhere is my parcel?"));

		JsonNode chat = chat();
		assertThat(chat.path("channel").asString()).isEqualTo("email");
		assertThat(chat.path("channelId").asString()).isEqualTo(channelId);
		assertThat(texts(chat, "CONTACT"))
			.containsExactly("Subject: Order 12345 has not arrived\n\nHello,\nwhere is my parcel?");
		JsonNode contact = api.get("/api/v1/contacts/" + chat.path("contactId").asString(), agent);
		assertThat(contact.path("name").asString()).isEqualTo("Wang Fang");
		assertThat(contact.path("email").asString()).isEqualTo(customer);
	}

	@Test
	void theAgentsAnswerArrivesAsAMailThreadedUnderTheCustomersAndTheirReplyContinuesTheChat() throws Exception {
		MimeMessage question = customerMail("Order 12345", "Where is my parcel?");
		send(question);
		JsonNode chat = chat();

		answer(chat, "It leaves today.");

		MimeMessage answer = inbox(customer, 1).getFirst();
		assertThat(answer.getSubject()).isEqualTo("Re: Order 12345");
		assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(question.getMessageID());
		assertThat(answer.getHeader("References", " ")).contains(question.getMessageID());
		assertThat(answer.getFrom()[0].toString()).contains(support);
		assertThat(GreenMailUtil.getBody(answer)).contains("It leaves today.").contains("Where is my parcel?");

		MimeMessage reply = customerMail("Re: Order 12345", "Thank you!\n\nOn Thu, Support wrote:\n> It leaves today.");
		reply.setHeader("In-Reply-To", answer.getMessageID());
		reply.setHeader("References", question.getMessageID() + " " + answer.getMessageID());
		send(reply);

		await().atMost(Duration.ofSeconds(15)).until(() -> texts(chat, "CONTACT").size() == 2);
		assertThat(texts(chat, "CONTACT")).last().isEqualTo("Thank you!");
		assertThat(api.get("/api/v1/conversations/mine", agent).size()).isEqualTo(1);
	}

	@Test
	void anAutoReplyOpensNoChatAndIsNotAnswered() throws Exception {
		MimeMessage away = customerMail("Automatic reply: Order", "I am out of office until Monday.");
		away.setHeader("Auto-Submitted", "auto-replied");
		send(away);
		MimeMessage person = customerMail("A real question", "Is anyone there?");
		send(person);

		JsonNode chat = chat();
		assertThat(texts(chat, "CONTACT")).containsExactly("Subject: A real question\n\nIs anyone there?");
		assertThat(api.get("/api/v1/conversations/mine", agent).size()).isEqualTo(1);
		assertThat(inbox(customer, 0)).isEmpty();
	}

	@Test
	void aBounceOfAnAnswerMarksThatMessageFailedAndOpensNothing() throws Exception {
		send(customerMail("Refund", "Please refund order 9."));
		JsonNode chat = chat();
		answer(chat, "Done, the refund is on its way.");
		MimeMessage answer = inbox(customer, 1).getFirst();

		send(bounce(answer.getMessageID()));

		String answered = answer.getMessageID().substring(1, answer.getMessageID().indexOf('@'));
		JsonNode failed = await().atMost(Duration.ofSeconds(15))
			.until(() -> api.get("/api/v1/conversations/" + chat.path("id").asString() + "/deliveries", agent)
				.valueStream()
				.filter(d -> d.path("status").asString().equals("FAILED"))
				.toList(), list -> !list.isEmpty())
			.getFirst();
		assertThat(failed.path("messageId").asString()).isEqualTo(answered);
		assertThat(failed.path("error").asString()).contains("550 5.1.1").contains("mailbox unavailable");
		assertThat(api.get("/api/v1/conversations/mine", agent).size()).isEqualTo(1);
		assertThat(texts(chat, "CONTACT")).hasSize(1);
	}

	@Test
	void anAttachmentSurvivesBothWaysByteForByte() throws Exception {
		byte[] pdf = ("%PDF-1.4\n" + "x".repeat(3000) + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
		MimeMessage withFile = customerMail("Invoice", "See the attached invoice.");
		MimeMultipart parts = new MimeMultipart();
		MimeBodyPart text = new MimeBodyPart();
		text.setText("See the attached invoice.", "UTF-8");
		MimeBodyPart file = new MimeBodyPart();
		file.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
		file.setFileName("invoice.pdf");
		file.setHeader("Content-Transfer-Encoding", "base64");
		parts.addBodyPart(text);
		parts.addBodyPart(file);
		withFile.setContent(parts);
		send(withFile);

		JsonNode chat = chat();
		JsonNode received = messages(chat).valueStream()
			.filter(m -> m.path("sender").path("type").asString().equals("CONTACT"))
			.findFirst()
			.orElseThrow();
		JsonNode attachment = received.path("attachments").get(0);
		assertThat(attachment.path("name").asString()).isEqualTo("invoice.pdf");
		assertThat(download(attachment.path("url").asString())).isEqualTo(pdf);

		String conversation = chat.path("id").asString();
		String id = api.upload("/api/v1/conversations/" + conversation + "/attachments", agent, "label.pdf",
				"application/pdf", pdf).body().path("id").asString();
		api.post("/api/v1/conversations/" + conversation + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "Here is the label.", "attachments", List.of(id)));

		MimeMessage answer = inbox(customer, 1).getFirst();
		IncomingMail read = MailReading.read(answer, MailReadingTest.SETTINGS);
		assertThat(read.files()).singleElement().satisfies(f -> {
			assertThat(f.name()).isEqualTo("label.pdf");
			assertThat(f.content()).isEqualTo(pdf);
		});
	}

	@Test
	void aMailboxOutageIsRetriedAndNothingIsLostInEitherDirection() throws Exception {
		// A mail server of its own, stopped and started again on the same ports (the shared one stays up).
		ServerSetup[] ports = { new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP) };
		GreenMail server = started(ports);
		Map<String, Object> configuration = configuration(support);
		configuration.put("smtpPort", ports[0].getPort());
		configuration.put("imapPort", ports[1].getPort());
		api.put("/api/v1/admin/channels/" + channelId, admin, Map.of("configuration", configuration));
		try {
			send(customerMail("Before", "First question"), ports[0].getPort());
			JsonNode chat = chat();

			outage(server);
			await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
					"SELECT last_error FROM email_mailbox WHERE channel_id = ?").param(UUID.fromString(channelId))
				.query(String.class).optional().isPresent());
			answer(chat, "Answered while the mail server was down.");
			server = started(ports);
			send(customerMail("Re: Before", "Second question"), ports[0].getPort());

			await().atMost(Duration.ofSeconds(30)).until(() -> texts(chat, "CONTACT").size() == 2);
			assertThat(texts(chat, "CONTACT")).last().isEqualTo("Second question");
			GreenMail restarted = server;
			MimeMessage answer = await().atMost(Duration.ofSeconds(60))
				.until(() -> List.of(restarted.getReceivedMessagesForDomain(customer)), got -> !got.isEmpty())
				.getFirst();
			assertThat(GreenMailUtil.getBody(answer)).contains("Answered while the mail server was down.");
		}
		finally {
			outage(server);
		}
	}

	/** Stops a mail server; GreenMail reports the connection Kefu held open (in IDLE) as broken, which it is. */
	private static void outage(GreenMail server) {
		try {
			server.stop();
		}
		catch (IllegalStateException connectionCutOff) {
			// The point of the outage.
		}
	}

	private GreenMail started(ServerSetup[] ports) {
		GreenMail server = new GreenMail(ports);
		server.start();
		server.setUser(support, support, "secret");
		server.setUser(customer, customer, "secret");
		return server;
	}

	@Test
	void testingTheConnectionSaysWhichServerFailedAndWhy() {
		EmailChannel email = context.getBean(EmailChannel.class);

		var working = email.check(instance(configuration(support)));
		Map<String, Object> wrong = configuration(support);
		wrong.put("imapPassword", "wrong");
		int nobodyListens = freePort();
		wrong.put("smtpPort", nobodyListens);
		var failing = email.check(instance(wrong));

		assertThat(working.ok()).as(working.detail()).isTrue();
		assertThat(working.detail()).contains("IMAP " + support + "@127.0.0.1:" + IMAP).contains("SMTP 127.0.0.1:" + SMTP);
		assertThat(failing.ok()).isFalse();
		assertThat(failing.detail()).contains("IMAP login refused by 127.0.0.1")
			.contains("SMTP server 127.0.0.1:" + nobodyListens + " refused the connection");
	}

	// ---- steps

	private static dev.kefu.channel.ChannelInstance instance(Map<String, Object> configuration) {
		return new dev.kefu.channel.ChannelInstance(UUID.randomUUID(), UUID.randomUUID(), "email", "Test",
				configuration, null, true, java.time.Instant.now(), java.time.Instant.now());
	}

	private void users() {
		mail.setUser(support, support, "secret");
		mail.setUser(customer, customer, "secret");
	}

	private Map<String, Object> configuration(String address) {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("address", address);
		configuration.put("displayName", "Example Support");
		configuration.put("imapHost", "127.0.0.1");
		configuration.put("imapPort", IMAP);
		configuration.put("imapTls", false);
		configuration.put("imapUser", address);
		configuration.put("imapPassword", "secret");
		configuration.put("smtpHost", "127.0.0.1");
		configuration.put("smtpPort", SMTP);
		configuration.put("smtpSecurity", "NONE");
		configuration.put("pollSeconds", 1);
		return configuration;
	}

	private MimeMessage customerMail(String subject, String body) throws Exception {
		Properties smtp = new Properties();
		smtp.put("mail.smtp.host", "127.0.0.1");
		smtp.put("mail.smtp.port", Integer.toString(SMTP));
		MimeMessage message = new MimeMessage(Session.getInstance(smtp));
		message.setFrom(new InternetAddress(customer.replace("wang", "Wang"), "Wang Fang"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(support));
		message.setSubject(subject, "UTF-8");
		message.setText(body, "UTF-8");
		message.saveChanges();
		return message;
	}

	/** A mail server's delivery status notification: the answer could not be delivered. */
	private MimeMessage bounce(String originalMessageId) throws Exception {
		MimeMessage dsn = new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(("""
				From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
				To: %s
				Subject: Undelivered Mail Returned to Sender
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

				--dsn
				Content-Type: text/plain

				Your message could not be delivered.
				--dsn
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.org

				Final-Recipient: rfc822; %s
				Action: failed
				Status: 5.1.1
				Diagnostic-Code: smtp; 550 5.1.1 mailbox unavailable

				--dsn
				Content-Type: text/rfc822-headers

				Message-ID: %s
				Subject: Re: Refund

				--dsn--
				""".formatted(support, customer, originalMessageId)).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
		return dsn;
	}

	private void send(MimeMessage message) throws Exception {
		send(message, SMTP);
	}

	private void send(MimeMessage message, int smtpPort) throws Exception {
		message.saveChanges();
		try (Transport transport = Session.getInstance(new Properties()).getTransport("smtp")) {
			transport.connect("127.0.0.1", smtpPort, null, null);
			transport.sendMessage(message, message.getAllRecipients());
		}
	}

	/** The one chat the agent was given, once the customer's mail is in it. */
	private JsonNode chat() {
		JsonNode chat = await().atMost(Duration.ofSeconds(15))
			.until(() -> api.get("/api/v1/conversations/mine", agent), mine -> mine.size() == 1)
			.get(0);
		await().atMost(Duration.ofSeconds(10)).until(() -> !texts(chat, "CONTACT").isEmpty());
		return chat;
	}

	private void answer(JsonNode chat, String text) {
		api.post("/api/v1/conversations/" + chat.path("id").asString() + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", text));
	}

	private JsonNode messages(JsonNode chat) {
		return api.get("/api/v1/conversations/" + chat.path("id").asString() + "/messages?after=0&limit=200", agent);
	}

	private List<String> texts(JsonNode chat, String senderType) {
		return messages(chat).valueStream()
			.filter(m -> m.path("sender").path("type").asString().equals(senderType))
			.map(m -> m.path("text").asString())
			.toList();
	}

	/** The customer's inbox once it holds {@code count} mails. */
	private List<MimeMessage> inbox(String user, int count) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> List.of(mail.getReceivedMessagesForDomain(user)), got -> got.size() >= count);
	}

	private byte[] download(String url) throws Exception {
		return api.http()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + url)).build(),
					java.net.http.HttpResponse.BodyHandlers.ofByteArray())
			.body();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] raw(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}
}
