package dev.kefu.channel.email;

import java.util.Properties;

import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;

/**
 * Connections to a channel's IMAP and SMTP servers, every call bounded by the configured timeouts so a server that
 * hangs holds no thread for ever. A session is made per connection, from the channel's settings only: no system
 * properties, no default session shared across channels.
 */
@Component
class MailServers {

	private final EmailProperties properties;

	MailServers(EmailProperties properties) {
		this.properties = properties;
	}

	Store imap(EmailSettings settings) throws MessagingException {
		String protocol = settings.imapTls() ? "imaps" : "imap";
		Properties p = new Properties();
		timeouts(p, protocol);
		p.put("mail.store.protocol", protocol);
		// Mails are read by UID and FETCH; no peek at flags: reading marks them \Seen, as a person reading would.
		p.put("mail." + protocol + ".partialfetch", "false");
		Store store = Session.getInstance(p).getStore(protocol);
		store.connect(settings.imapHost(), settings.imapPort(), settings.imapUser(), settings.imapPassword());
		return store;
	}

	/** A session for sending; {@link #smtp} connects its transport. */
	Session smtpSession(EmailSettings settings) {
		String protocol = settings.smtpSecurity() == EmailSettings.SmtpSecurity.SSL ? "smtps" : "smtp";
		Properties p = new Properties();
		timeouts(p, protocol);
		p.put("mail.transport.protocol", protocol);
		p.put("mail." + protocol + ".auth", Boolean.toString(settings.smtpUser() != null));
		if (settings.smtpSecurity() == EmailSettings.SmtpSecurity.STARTTLS) {
			p.put("mail.smtp.starttls.enable", "true");
			p.put("mail.smtp.starttls.required", "true");
		}
		// The envelope sender is the support address, so bounces come back to the mailbox Kefu reads.
		p.put("mail." + protocol + ".from", settings.address());
		p.put("mail." + protocol + ".localhost", settings.domain());
		return Session.getInstance(p);
	}

	Transport smtp(EmailSettings settings, Session session) throws MessagingException {
		String protocol = settings.smtpSecurity() == EmailSettings.SmtpSecurity.SSL ? "smtps" : "smtp";
		Transport transport = session.getTransport(protocol);
		transport.connect(settings.smtpHost(), settings.smtpPort(), settings.smtpUser(), settings.smtpPassword());
		return transport;
	}

	private void timeouts(Properties p, String protocol) {
		String connect = Long.toString(properties.connectTimeout().toMillis());
		String read = Long.toString(properties.readTimeout().toMillis());
		p.put("mail." + protocol + ".connectiontimeout", connect);
		p.put("mail." + protocol + ".timeout", read);
		p.put("mail." + protocol + ".writetimeout", read);
		p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
	}
}
