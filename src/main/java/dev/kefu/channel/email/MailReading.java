package dev.kefu.channel.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.Text;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads a mail into an {@link IncomingMail}: a pure function of the message and the channel's settings, so every
 * rule (what is automatic, which part is the text, where the quoted thread starts) is tested without a server.
 */
final class MailReading {

	static final int MAX_FILES = 10;
	static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,490}>");

	private MailReading() {
	}

	static IncomingMail read(MimeMessage mail, EmailSettings settings) throws MessagingException, IOException {
		InternetAddress sender = sender(mail);
		String from = sender == null ? "" : sender.getAddress().toLowerCase(Locale.ROOT);
		String fromName = sender == null || sender.getPersonal() == null || sender.getPersonal().isBlank() ? null
				: Text.cut(Text.repaired(sender.getPersonal().strip()), 100);
		String subject = mail.getSubject() == null ? "" : Text.repaired(mail.getSubject().strip());
		String messageId = messageId(mail);
		List<String> answers = answers(mail);
		List<String> recipients = recipients(mail);
		IncomingMail.Bounce bounce = mail.isMimeType("multipart/report") ? bounce((Multipart) mail.getContent()) : null;
		Body body = new Body();
		if (bounce == null) {
			walk(mail, body, false);
		}
		String text = body.plain != null ? SafeText.ofPlain(body.plain)
				: body.html != null ? SafeText.ofPlain(SafeText.ofHtml(body.html)) : "";
		IncomingMail.Kind kind;
		String why = null;
		if (bounce != null) {
			kind = IncomingMail.Kind.BOUNCE;
			why = "a delivery status notification";
		}
		else if (settings.ours(from)) {
			kind = IncomingMail.Kind.OWN;
			why = "sent from the support address itself";
		}
		else {
			why = automatic(mail, from);
			kind = why == null ? IncomingMail.Kind.PERSON : IncomingMail.Kind.AUTOMATIC;
		}
		return new IncomingMail(messageId, from, fromName, subject, Text.repaired(text), body.files, answers, recipients,
				kind, why, bounce);
	}

	/**
	 * Why a machine sent this rather than a person, or null: RFC 3834's Auto-Submitted, the Precedence of bulk and
	 * list mail, the auto-responders' own headers, a mailing list (answering one loops), a null return path (bounces
	 * and auto-replies) or a mail daemon. Such a mail never opens a chat and is never answered.
	 */
	static @Nullable String automatic(MimeMessage mail, String from) throws MessagingException {
		String submitted = header(mail, "Auto-Submitted");
		if (submitted != null && !submitted.split(";")[0].strip().equalsIgnoreCase("no")) {
			return "Auto-Submitted: " + submitted;
		}
		String precedence = header(mail, "Precedence");
		if (precedence != null && Set.of("bulk", "junk", "list", "auto_reply")
			.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
			return "Precedence: " + precedence;
		}
		for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Reply")) {
			if (header(mail, name) != null) {
				return name;
			}
		}
		String suppress = header(mail, "X-Auto-Response-Suppress");
		if (suppress != null && suppress.toLowerCase(Locale.ROOT).contains("oof")
				&& mail.getSubject() != null && mail.getSubject().matches("(?i)^(automatic reply|auto.?reply|out of office|自动回复).*")) {
			return "an out-of-office reply";
		}
		for (String name : List.of("List-Id", "List-Unsubscribe", "List-Post")) {
			if (header(mail, name) != null) {
				return "mailing list mail (" + name + ")";
			}
		}
		String returnPath = header(mail, "Return-Path");
		if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
			return "a null return path";
		}
		String local = from.contains("@") ? from.substring(0, from.indexOf('@')) : from;
		if (from.isEmpty() || local.equals("mailer-daemon") || local.equals("postmaster") || local.startsWith("no-reply")
				|| local.startsWith("noreply") || local.startsWith("do-not-reply") || local.startsWith("donotreply")) {
			return from.isEmpty() ? "no sender" : "sent by " + from;
		}
		return null;
	}

	/**
	 * The failed mail's Message-ID and the reason, from a {@code multipart/report}: the reason from the
	 * machine-readable part (Action, Status, Diagnostic-Code), the Message-ID from the returned headers or message.
	 * A report that only says a mail was delayed or delivered is no failure: null.
	 */
	static IncomingMail.@Nullable Bounce bounce(Multipart report) throws MessagingException, IOException {
		String reason = null;
		boolean failed = false;
		String original = null;
		for (int i = 0; i < report.getCount(); i++) {
			BodyPart part = report.getBodyPart(i);
			if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
				String status = new String(bytes(part, 64 * 1024), StandardCharsets.UTF_8);
				for (String line : status.replace("\r", "").split("\n")) {
					String lower = line.toLowerCase(Locale.ROOT);
					if (lower.startsWith("action:") && lower.contains("failed")) {
						failed = true;
					}
					if (lower.startsWith("diagnostic-code:")) {
						reason = line.substring(line.indexOf(':') + 1).strip();
					}
					else if (lower.startsWith("status:") && reason == null) {
						reason = "status " + line.substring(line.indexOf(':') + 1).strip();
					}
				}
			}
			else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")
					|| part.isMimeType("message/global") || part.isMimeType("message/global-headers")) {
				Object content = part.getContent();
				String id;
				if (content instanceof MimeMessage returned) {
					id = returned.getHeader("Message-ID", null);
				}
				else {
					InternetHeaders headers = new InternetHeaders(new java.io.ByteArrayInputStream(bytes(part, 256 * 1024)));
					id = headers.getHeader("Message-ID", null);
				}
				original = id == null ? null : firstId(id);
			}
		}
		if (!failed) {
			return null;
		}
		return new IncomingMail.Bounce(original, Text.cut(reason == null ? "the mail could not be delivered" : reason, 500));
	}

	/** The Message-ID, or for a mail without one a digest of its bytes, so reading it again gives the same id. */
	static String messageId(MimeMessage mail) throws MessagingException, IOException {
		String header = mail.getHeader("Message-ID", null);
		String id = header == null ? null : firstId(header);
		if (id != null) {
			return id;
		}
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		mail.writeTo(raw);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.toByteArray());
			return "<" + HexFormat.of().formatHex(digest, 0, 20) + "@no-message-id.kefu>";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	/** In-Reply-To's ids, then References' from the newest: the mails this one answers, closest first. */
	static List<String> answers(MimeMessage mail) throws MessagingException {
		Set<String> ids = new LinkedHashSet<>();
		String inReplyTo = mail.getHeader("In-Reply-To", " ");
		if (inReplyTo != null) {
			ids.addAll(ids(inReplyTo));
		}
		String references = mail.getHeader("References", " ");
		if (references != null) {
			List<String> chain = new ArrayList<>(ids(references));
			java.util.Collections.reverse(chain);
			ids.addAll(chain);
		}
		return ids.stream().limit(50).toList();
	}

	private static List<String> ids(String header) {
		List<String> ids = new ArrayList<>();
		Matcher m = MESSAGE_ID.matcher(header);
		while (m.find()) {
			ids.add(m.group());
		}
		return ids;
	}

	private static @Nullable String firstId(String header) {
		List<String> ids = ids(header);
		return ids.isEmpty() ? null : ids.getFirst();
	}

	private static @Nullable InternetAddress sender(MimeMessage mail) throws MessagingException {
		Address[] from;
		try {
			from = mail.getFrom();
		}
		catch (MessagingException unparsable) {
			return null;
		}
		return from != null && from.length > 0 && from[0] instanceof InternetAddress a && a.getAddress() != null ? a
				: null;
	}

	/** Every address the mail was sent to (To, Cc, and the delivery headers servers add), lowercase. */
	private static List<String> recipients(MimeMessage mail) throws MessagingException {
		List<String> all = new ArrayList<>();
		for (String name : List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")) {
			String[] values = mail.getHeader(name);
			if (values == null) {
				continue;
			}
			for (String value : values) {
				try {
					for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
						if (a.getAddress() != null) {
							all.add(a.getAddress().toLowerCase(Locale.ROOT));
						}
					}
				}
				catch (MessagingException unparsable) {
					// A broken header names nobody we could match; the other headers may still.
				}
			}
		}
		return all;
	}

	private static @Nullable String header(MimeMessage mail, String name) throws MessagingException {
		return mail.getHeader(name, ",");
	}

	/** What the walk over the parts found: the first plain and HTML text, and the files. */
	private static final class Body {
		@Nullable
		String plain;
		@Nullable
		String html;
		final List<IncomingMail.File> files = new ArrayList<>();
	}

	/**
	 * The text is the first text/plain part (or, without one, the first text/html) outside attachments; files are
	 * the parts sent as attachments or with a file name, except the images an HTML body shows inline (logos and
	 * signatures in multipart/related), which are no file the customer sent.
	 */
	private static void walk(Part part, Body body, boolean related) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			boolean inRelated = related || part.isMimeType("multipart/related");
			for (int i = 0; i < multipart.getCount(); i++) {
				walk(multipart.getBodyPart(i), body, inRelated);
			}
			return;
		}
		String disposition = part.getDisposition();
		String name = fileName(part);
		boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition)
				|| (name != null && !(related && part.isMimeType("image/*")));
		if (attachment && !part.isMimeType("message/*")) {
			if (body.files.size() < MAX_FILES) {
				byte[] content = bytes(part, MAX_FILE_BYTES + 1);
				String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
				body.files.add(new IncomingMail.File(name == null ? "file" : name, type, content));
			}
			return;
		}
		if (part.isMimeType("text/plain") && body.plain == null) {
			body.plain = text(part);
		}
		else if (part.isMimeType("text/html") && body.html == null) {
			body.html = text(part);
		}
	}

	private static @Nullable String fileName(Part part) throws MessagingException {
		String name;
		try {
			name = part.getFileName();
		}
		catch (MessagingException unparsable) {
			return "file";
		}
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			name = MimeUtility.decodeText(name);
		}
		catch (java.io.UnsupportedEncodingException e) {
			// Keep it as it came: an odd name is better than no file.
		}
		return Text.cut(Text.repaired(name.strip()), 200);
	}

	private static String text(Part part) throws MessagingException, IOException {
		Object content;
		try {
			content = part.getContent();
		}
		catch (java.io.UnsupportedEncodingException unknownCharset) {
			return new String(bytes(part, 1024 * 1024), StandardCharsets.UTF_8);
		}
		return content instanceof String s ? s : new String(bytes(part, 1024 * 1024), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(Part part, int max) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return in.readNBytes(max);
		}
	}
}
