package dev.kefu.notification;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import dev.kefu.shared.RequestRejected;

/**
 * The module's API: whether this server can send mail at all, and a durable queue for a mail. Spring Boot makes a
 * mail sender only when the operator set {@code spring.mail.host}; without one nothing is queued, so no mail waits
 * forever for a server that was never configured.
 */
@Service
@EnableConfigurationProperties(MailProperties.class)
public class SystemMail {

	private final ObjectProvider<JavaMailSender> sender;
	private final MailOutbox outbox;

	SystemMail(ObjectProvider<JavaMailSender> sender, MailOutbox outbox) {
		this.sender = sender;
		this.outbox = outbox;
	}

	public boolean configured() {
		return sender.getIfAvailable() != null;
	}

	/**
	 * Queues the mail (or finds the one queued before under its key) and returns its state; it goes out within
	 * seconds, or is retried with backoff while the SMTP server cannot take it.
	 */
	public MailState queue(UUID organizationId, OutgoingMail mail) {
		requireConfigured();
		return outbox.enqueue(organizationId, mail);
	}

	/** The mails about a ticket or conversation, oldest first. */
	public List<MailState> about(UUID organizationId, UUID aboutId) {
		return outbox.about(organizationId, aboutId);
	}

	void requireConfigured() {
		if (!configured()) {
			throw new RequestRejected("mail-not-configured",
					"e-mail is not configured on this server (spring.mail.host)", HttpStatus.SERVICE_UNAVAILABLE);
		}
	}
}
