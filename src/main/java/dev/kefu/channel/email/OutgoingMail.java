package dev.kefu.channel.email;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * A reply to a customer as a mail: from the support address, threaded under the customer's mail (In-Reply-To,
 * References), "Re: " and the conversation's subject, the answer in plain text with a simple HTML alternative, the
 * earlier thread quoted below it, and the message's files attached. Its Message-ID is made from the message's id, so
 * a delivery repeated after a crash sends the same Message-ID and mail clients show one mail.
 */
record OutgoingMail(String messageId, InternetAddress from, @Nullable InternetAddress replyTo, InternetAddress to,
		String subject, List<String> references, String text, List<Quoted> quoted, List<IncomingMail.File> files,
		Instant at) {

	/** One earlier message of the conversation, quoted below the answer. */
	record Quoted(String author, Instant at, String text) {
	}

	static String subjectOf(String original) {
		String subject = original.strip();
		while (subject.matches("(?is)^(re|aw|sv|回复|答复|回覆)\\s*[:：].*")) {
			subject = subject.substring(subject.replace('：', ':').indexOf(':') + 1).strip();
		}
		return subject.isEmpty() ? "Your message" : subject;
	}

	MimeMessage toMime(Session session) throws MessagingException {
		MimeMessage mail = new FixedIdMessage(session, messageId);
		mail.setFrom(from);
		if (replyTo != null) {
			mail.setReplyTo(new InternetAddress[] { replyTo });
		}
		mail.setRecipient(MimeMessage.RecipientType.TO, to);
		mail.setSubject("Re: " + subjectOf(subject), "UTF-8");
		mail.setSentDate(Date.from(at));
		if (!references.isEmpty()) {
			mail.setHeader("In-Reply-To", references.getLast());
			mail.setHeader("References", MimeUtility.fold(12, String.join(" ", references)));
		}
		// Tells other auto-responders not to answer this one (RFC 3834 is for automatic mail; agents' answers are not,
		// but out-of-office replies to them only clutter the conversation).
		mail.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(plainText(), "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(htmlText(), "UTF-8", "html");
		alternative.addBodyPart(plain);
		alternative.addBodyPart(html);
		if (files.isEmpty()) {
			mail.setContent(alternative);
		}
		else {
			MimeMultipart mixed = new MimeMultipart("mixed");
			MimeBodyPart body = new MimeBodyPart();
			body.setContent(alternative);
			mixed.addBodyPart(body);
			for (IncomingMail.File file : files) {
				MimeBodyPart attachment = new MimeBodyPart();
				attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
				try {
					attachment.setFileName(MimeUtility.encodeText(file.name(), "UTF-8", null));
				}
				catch (UnsupportedEncodingException e) {
					attachment.setFileName(file.name());
				}
				attachment.setDisposition(MimeBodyPart.ATTACHMENT);
				// Base64 always: a file that looks like text would otherwise go as 7bit and have its line ends changed.
				attachment.setHeader("Content-Transfer-Encoding", "base64");
				mixed.addBodyPart(attachment);
			}
			mail.setContent(mixed);
		}
		mail.saveChanges();
		return mail;
	}

	String plainText() {
		StringBuilder out = new StringBuilder(text.strip()).append("\n");
		for (Quoted q : quoted) {
			out.append("\n").append(header(q)).append("\n");
			for (String line : q.text().split("\n", -1)) {
				out.append(line.isEmpty() ? ">" : "> " + line).append("\n");
			}
		}
		return out.toString();
	}

	String htmlText() {
		StringBuilder out = new StringBuilder("<!DOCTYPE html><html><body><div>")
			.append(html(text.strip()))
			.append("</div>");
		for (Quoted q : quoted) {
			out.append("<p style=\"color:#666\">")
				.append(HtmlUtils.htmlEscape(header(q)))
				.append("</p><blockquote style=\"margin:0 0 0 .8ex;border-left:2px solid #ccc;padding-left:1ex\">")
				.append(html(q.text()))
				.append("</blockquote>");
		}
		return out.append("</body></html>").toString();
	}

	/** "On 2026-12-01 10:00 UTC, you wrote:": the line every mail client (and Kefu's own reader) knows a quote by. */
	private static String header(Quoted q) {
		return "On " + WHEN.format(q.at()) + ", " + q.author() + " wrote:";
	}

	private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(java.time.ZoneOffset.UTC);

	private static String html(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8").replace("\n", "<br>\n");
	}

	/** Keeps the Message-ID Kefu chose: saveChanges() would otherwise make a new one. */
	private static final class FixedIdMessage extends MimeMessage {

		private final String id;

		FixedIdMessage(Session session, String id) {
			super(session);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", id);
		}
	}
}
