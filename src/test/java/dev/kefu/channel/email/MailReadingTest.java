package dev.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kefu.channel.ChannelInstance;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** How a mail read from the mailbox becomes what the desk shows, and which mails are no customer's. */
class MailReadingTest {

	static final EmailSettings SETTINGS = settings();

	@Test
	void anHtmlMailBecomesItsWordsWithoutScriptsImagesOrTheQuotedThread() throws Exception {
		IncomingMail mail = read(headers("customer@example.org") + """
				Content-Type: text/html; charset=UTF-8

				<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>
				<p>Hello,<br>my order <b>12345</b> has not arrived.</p>
				<p><img src="https://tracker.example.net/pixel.gif">See <a href="https://shop.example.org/o/12345">my order</a></p>
				<div class="gmail_quote">On Mon, Support wrote:<blockquote>Earlier answer</blockquote></div>
				</body></html>
				""");

		assertThat(mail.kind()).isEqualTo(IncomingMail.Kind.PERSON);
		assertThat(mail.text()).isEqualTo("""
				Hello,
				my order 12345 has not arrived.

				See my order (https://shop.example.org/o/12345)""");
	}

	@Test
	void aPlainMailLosesTheThreadQuotedBelowTheCustomersWords() throws Exception {
		IncomingMail mail = read(headers("customer@example.org") + """
				Content-Type: text/plain; charset=UTF-8

				Thanks, that worked.
				> inline question stays

				Best, Wang

				On Tue, 1 Dec 2026 at 10:00, Support <support@example.com> wrote:
				> Please try again.
				""");

		assertThat(mail.text()).isEqualTo("Thanks, that worked.\n> inline question stays\n\nBest, Wang");
	}

	@Test
	void aChineseClientsQuoteHeaderIsRecognisedToo() throws Exception {
		IncomingMail mail = read(headers("customer@example.org") + """
				Content-Type: text/plain; charset=UTF-8

				好的，谢谢！

				在 2026年12月1日 10:00，客服 <support@example.com> 写道：
				> 请再试一次。
				""");

		assertThat(mail.text()).isEqualTo("好的，谢谢！");
	}

	@Test
	void autoRepliesListsAndNullSendersAreNoCustomersMail() throws Exception {
		assertThat(read(headers("customer@example.org") + "Auto-Submitted: auto-replied\n\nI am away.\n").kind())
			.isEqualTo(IncomingMail.Kind.AUTOMATIC);
		assertThat(read(headers("customer@example.org") + "Precedence: bulk\n\nNewsletter\n").kind())
			.isEqualTo(IncomingMail.Kind.AUTOMATIC);
		assertThat(read(headers("customer@example.org") + "X-Autoreply: yes\n\nAway\n").kind())
			.isEqualTo(IncomingMail.Kind.AUTOMATIC);
		assertThat(read(headers("list@example.org") + "List-Id: <news.example.org>\n\nDigest\n").kind())
			.isEqualTo(IncomingMail.Kind.AUTOMATIC);
		assertThat(read(headers("customer@example.org") + "Return-Path: <>\n\nAway\n").kind())
			.isEqualTo(IncomingMail.Kind.AUTOMATIC);
		assertThat(read(headers("MAILER-DAEMON@example.org") + "\nUndeliverable\n").kind())
			.isEqualTo(IncomingMail.Kind.AUTOMATIC);
		assertThat(read(headers("Support@Example.com") + "\nLoop\n").kind()).isEqualTo(IncomingMail.Kind.OWN);
		assertThat(read(headers("customer@example.org") + "Auto-Submitted: no\n\nA person\n").kind())
			.isEqualTo(IncomingMail.Kind.PERSON);
	}

	@Test
	void aDeliveryReportNamesTheFailedMailAndWhy() throws Exception {
		IncomingMail mail = read("""
				From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
				To: support@example.com
				Subject: Undelivered Mail Returned to Sender
				Message-ID: <dsn-1@mx.example.com>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: text/plain

				Your message could not be delivered.
				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.com

				Final-Recipient: rfc822; nobody@example.org
				Action: failed
				Status: 5.1.1
				Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.org>: Recipient address rejected

				--b1
				Content-Type: text/rfc822-headers

				From: support@example.com
				To: nobody@example.org
				Message-ID: <0192f1e4-7001@example.com>
				Subject: Re: Help

				--b1--
				""");

		assertThat(mail.kind()).isEqualTo(IncomingMail.Kind.BOUNCE);
		assertThat(mail.bounce().originalMessageId()).isEqualTo("<0192f1e4-7001@example.com>");
		assertThat(mail.bounce().reason()).contains("550 5.1.1").contains("Recipient address rejected");
	}

	@Test
	void aDelayReportIsNoBounce() throws Exception {
		IncomingMail mail = read("""
				From: MAILER-DAEMON@mx.example.com
				To: support@example.com
				Subject: Delayed Mail
				Message-ID: <dsn-2@mx.example.com>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: message/delivery-status

				Final-Recipient: rfc822; slow@example.org
				Action: delayed
				Status: 4.4.1

				--b1--
				""");

		assertThat(mail.kind()).isEqualTo(IncomingMail.Kind.AUTOMATIC);
		assertThat(mail.bounce()).isNull();
	}

	@Test
	void filesAreTakenButTheImagesAnHtmlBodyShowsInlineAreNot() throws Exception {
		IncomingMail mail = read(headers("customer@example.org") + """
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="outer"

				--outer
				Content-Type: multipart/related; boundary="rel"

				--rel
				Content-Type: text/html; charset=UTF-8

				<p>See the invoice</p><img src="cid:logo">
				--rel
				Content-Type: image/png; name="logo.png"
				Content-ID: <logo>
				Content-Disposition: inline; filename="logo.png"
				Content-Transfer-Encoding: base64

				iVBORw0KGgo=
				--rel--
				--outer
				Content-Type: application/pdf; name="=?UTF-8?B?5Y+R56WoLnBkZg==?="
				Content-Disposition: attachment; filename="=?UTF-8?B?5Y+R56WoLnBkZg==?="
				Content-Transfer-Encoding: base64

				JVBERi0xLjQK
				--outer--
				""");

		assertThat(mail.text()).isEqualTo("See the invoice");
		assertThat(mail.files()).singleElement().satisfies(f -> {
			assertThat(f.name()).isEqualTo("发票.pdf");
			assertThat(f.contentType()).isEqualTo("application/pdf");
			assertThat(new String(f.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
		});
	}

	@Test
	void theMailsAnsweredAreInReplyToFirstThenReferencesFromTheNewest() throws Exception {
		IncomingMail mail = read(headers("customer@example.org") + """
				In-Reply-To: <c@example.com>
				References: <a@example.com> <b@example.com>
				 <c@example.com>

				Thanks
				""");

		assertThat(mail.answers()).containsExactly("<c@example.com>", "<b@example.com>", "<a@example.com>");
	}

	@Test
	void aMailWithoutMessageIdGetsTheSameIdEachTimeItIsRead() throws Exception {
		String raw = "From: customer@example.org\nTo: support@example.com\nSubject: Hi\n\nHello\n";

		assertThat(read(raw).messageId()).isEqualTo(read(raw).messageId()).endsWith("@no-message-id.kefu>");
	}

	@Test
	void aReplyTokenIsFoundInThePlusAddressItWasSentTo() {
		String token = ReplyToken.newToken();

		assertThat(ReplyToken.address(SETTINGS, token)).isEqualTo("support+" + token + "@example.com");
		assertThat(ReplyToken.of(SETTINGS, "Support+" + token + "@Example.com")).isEqualTo(token);
		assertThat(ReplyToken.of(SETTINGS, "other+" + token + "@example.com")).isNull();
		assertThat(ReplyToken.of(SETTINGS, "support@example.com")).isNull();
	}

	static IncomingMail read(String raw) throws Exception {
		MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
		return MailReading.read(mime, SETTINGS);
	}

	static String headers(String from) {
		return "From: Wang Fang <" + from + ">\nTo: support@example.com\nSubject: Order\nMessage-ID: <"
				+ UUID.randomUUID() + "@example.org>\n";
	}

	static EmailSettings settings() {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("address", "support@example.com");
		configuration.put("displayName", "Example Support");
		configuration.put("imapHost", "imap.example.com");
		configuration.put("imapUser", "support");
		configuration.put("imapPassword", "secret");
		configuration.put("smtpHost", "smtp.example.com");
		return EmailSettings.of(new ChannelInstance(UUID.randomUUID(), UUID.randomUUID(), "email", "Support",
				configuration, null, true, Instant.now(), Instant.now()));
	}

	static List<String> lines(String text) {
		return List.of(text.split("\n"));
	}
}
