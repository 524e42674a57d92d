package dev.kefu.notification;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

/**
 * Takes due mail out of the outbox and hands it to the SMTP server, one mail at a time (system mail is a trickle).
 * Every node runs one; the outbox's leases keep them apart. A node that dies after the server took a mail but before
 * marking it sent sends it again when the lease runs out: SMTP has no way to ask whether it already has it.
 */
@Component
class Postman {

	private static final Logger log = LoggerFactory.getLogger(Postman.class);
	private static final int BATCH = 50;

	private final MailOutbox outbox;
	private final ObjectProvider<JavaMailSender> sender;
	private final MailProperties properties;

	Postman(MailOutbox outbox, ObjectProvider<JavaMailSender> sender, MailProperties properties) {
		this.outbox = outbox;
		this.sender = sender;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${kefu.mail.poll-interval:2s}")
	void deliver() {
		JavaMailSender smtp = sender.getIfAvailable();
		if (smtp == null) {
			return;
		}
		List<UUID> due = outbox.due(BATCH);
		for (MailOutbox.Attempt attempt : outbox.claim(due)) {
			send(smtp, attempt);
		}
	}

	private void send(JavaMailSender smtp, MailOutbox.Attempt attempt) {
		try {
			MimeMessage message = smtp.createMimeMessage();
			MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
			mail.setFrom(properties.from());
			mail.setTo(attempt.to());
			mail.setSubject(attempt.subject());
			mail.setText(attempt.text(), attempt.html());
			message.setHeader("X-Kefu-Mail-Id", attempt.id().toString());
			smtp.send(message);
			outbox.sent(attempt);
		}
		catch (Exception e) {
			boolean permanent = permanent(e);
			log.warn("Mail {} to {} not sent (attempt {}{}): {}", attempt.id(), attempt.to(), attempt.attempts(),
					permanent ? ", giving up" : ", will retry", e.toString());
			outbox.failed(attempt, describe(e), permanent);
		}
	}

	/** An address no server will take: retrying cannot help. Anything else (down, busy, timed out) may pass later. */
	private static boolean permanent(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof AddressException || cause instanceof MailParseException) {
				return true;
			}
			if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
					&& failed.getInvalidAddresses().length > 0) {
				return true;
			}
		}
		return false;
	}

	/** The innermost message says most (a refused connection, the server's reply); the outer ones say where. */
	private static String describe(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == e ? e.toString() : e.getClass().getSimpleName() + ": " + root;
	}
}
