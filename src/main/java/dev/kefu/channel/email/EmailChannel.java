package dev.kefu.channel.email;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.ChannelProvider;
import dev.kefu.channel.ConfigProperty;
import dev.kefu.channel.ConnectionCheck;
import dev.kefu.channel.Outbound;
import dev.kefu.organization.Groups;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.Transport;

/**
 * The e-mail channel: customers write to a support address, and agents' answers go back as mails threaded under
 * theirs. Reading is {@link MailboxReader}'s; sending goes through the channel send queue ({@link #queued()}), so an
 * SMTP server that is down delays answers rather than losing them, and the desk shows each one's state.
 */
@Component
class EmailChannel implements ChannelProvider {

	static final String ID = "email";

	private final MailServers servers;
	private final Threads threads;
	private final Mailboxes mailboxes;
	private final ObjectProvider<EmailSender> sender;
	private final Groups groups;

	/**
	 * The sender is looked up when first used: it needs the message path, which needs the providers while it is
	 * being made.
	 */
	EmailChannel(MailServers servers, Threads threads, Mailboxes mailboxes, ObjectProvider<EmailSender> sender,
			Groups groups) {
		this.groups = groups;
		this.servers = servers;
		this.threads = threads;
		this.mailboxes = mailboxes;
		this.sender = sender;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String displayName() {
		return "E-mail";
	}

	@Override
	public List<ConfigProperty> configuration() {
		return EmailSettings.schema();
	}

	@Override
	public @Nullable String inboundPath() {
		return null;
	}

	@Override
	public boolean sendsOut() {
		return true;
	}

	@Override
	public boolean queued() {
		return true;
	}

	/**
	 * Settings that cannot work (a port out of range, two addresses, a group of no one's) are refused when the admin
	 * saves them, not found out by the reader later.
	 */
	@Override
	public void saved(ChannelInstance instance) {
		EmailSettings settings = EmailSettings.of(instance);
		if (settings.groupId() != null) {
			try {
				groups.require(instance.organizationId(), settings.groupId());
			}
			catch (ResourceNotFound unknown) {
				throw new RequestRejected("invalid-configuration", "groupId names no group of this organization");
			}
		}
	}

	@Override
	public void removed(ChannelInstance instance) {
		mailboxes.forget(instance.id());
		threads.forget(instance.id());
	}

	/**
	 * An agent's or the assistant's message as a mail to the customer (see {@link EmailSender}); system lines and
	 * changes of state are not mailed.
	 */
	@Override
	public @Nullable String deliver(ChannelInstance instance, Outbound outbound) throws Exception {
		return sender.getObject().deliver(instance, outbound);
	}

	/** Tries both servers with the given settings, and says which failed and why. */
	@Override
	public ConnectionCheck check(ChannelInstance instance) {
		EmailSettings settings;
		try {
			settings = EmailSettings.of(instance);
		}
		catch (RuntimeException invalid) {
			return ConnectionCheck.failed(invalid.getMessage());
		}
		List<String> failures = new ArrayList<>();
		String imap = null;
		try (Store store = servers.imap(settings)) {
			Folder folder = store.getFolder(settings.folder());
			if (!folder.exists()) {
				failures.add("IMAP folder " + settings.folder() + " does not exist on " + settings.imapHost());
			}
			else {
				folder.open(Folder.READ_ONLY);
				imap = "IMAP " + settings.imapUser() + "@" + settings.imapHost() + ":" + settings.imapPort() + " ("
						+ settings.folder() + ", " + folder.getMessageCount() + " mails)";
				folder.close(false);
			}
		}
		catch (AuthenticationFailedException e) {
			failures.add("IMAP login refused by " + settings.imapHost() + ": " + MailboxReader.describe(e));
		}
		catch (MessagingException e) {
			failures.add("IMAP server " + settings.imapHost() + ":" + settings.imapPort() + " " + unreachable(e));
		}
		String smtp = null;
		try (Transport transport = servers.smtp(settings, servers.smtpSession(settings))) {
			smtp = "SMTP " + settings.smtpHost() + ":" + settings.smtpPort() + " (" + settings.smtpSecurity() + ")";
		}
		catch (AuthenticationFailedException e) {
			failures.add("SMTP login refused by " + settings.smtpHost() + ": " + MailboxReader.describe(e));
		}
		catch (MessagingException e) {
			failures.add("SMTP server " + settings.smtpHost() + ":" + settings.smtpPort() + " " + unreachable(e));
		}
		return failures.isEmpty() ? ConnectionCheck.ok(imap + " and " + smtp + " accept the logins")
				: ConnectionCheck.failed(String.join("; ", failures));
	}

	private static String unreachable(MessagingException e) {
		Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
		if (cause instanceof ConnectException) {
			return "refused the connection";
		}
		if (cause instanceof SocketTimeoutException) {
			return "did not answer in time";
		}
		if (cause instanceof UnknownHostException) {
			return "is unknown (no such host)";
		}
		if (cause instanceof javax.net.ssl.SSLException ssl) {
			return "failed TLS: " + ssl.getMessage();
		}
		return "failed: " + MailboxReader.describe(e).toLowerCase(Locale.ROOT).strip();
	}
}
