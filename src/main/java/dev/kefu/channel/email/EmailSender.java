package dev.kefu.channel.email;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.CustomerMessages;
import dev.kefu.channel.DeliveryFailed;
import dev.kefu.channel.Outbound;
import dev.kefu.conversation.AttachmentRef;
import dev.kefu.conversation.Attachments;
import dev.kefu.conversation.Message;
import dev.kefu.conversation.Messages;
import dev.kefu.conversation.ParticipantType;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends an answer as a mail: to the thread's customer, threaded under the thread's mails, the earlier messages quoted
 * and the files attached. An SMTP login refused or a recipient the server rejects (5xx) fails the message at once;
 * anything else (the server unreachable, slow, or busy with 4xx) is retried by the send queue.
 */
@Component
class EmailSender {

	/** How many earlier messages an answer quotes below itself. */
	static final int QUOTED = 5;

	private final MailServers servers;
	private final Threads threads;
	private final Messages messages;
	private final Attachments attachments;
	private final CustomerMessages customers;

	EmailSender(MailServers servers, Threads threads, Messages messages, Attachments attachments,
			CustomerMessages customers) {
		this.servers = servers;
		this.threads = threads;
		this.messages = messages;
		this.attachments = attachments;
		this.customers = customers;
	}

	/**
	 * An agent's or the assistant's message as a mail to the customer. System lines are not mailed (a customer
	 * needs no "Li Na is now serving you" in their inbox), and neither are changes of state: a close is silent.
	 */
	public @Nullable String deliver(ChannelInstance instance, Outbound outbound) throws Exception {
		if (!(outbound instanceof Outbound.Message m)
				|| (m.senderType() != ParticipantType.AGENT && m.senderType() != ParticipantType.BOT)) {
			return null;
		}
		EmailSettings settings = EmailSettings.of(instance);
		Threads.Thread thread = threads.of(instance.id(), m.conversationId()).orElse(null);
		String customer = thread != null ? thread.customer()
				: customers.externalCustomerId(instance, m.contactId())
					.orElseThrow(() -> DeliveryFailed.permanent("the customer has no e-mail address in this channel"));
		InternetAddress to;
		try {
			to = new InternetAddress(customer, true);
		}
		catch (AddressException e) {
			throw DeliveryFailed.permanent("the customer's address " + customer + " is not a valid e-mail address");
		}
		List<Message> conversation = messages.all(instance.organizationId(), m.conversationId());
		Message answer = conversation.stream().filter(x -> x.id().equals(m.messageId())).findFirst().orElse(null);
		String messageId = "<" + m.messageId() + "@" + settings.domain() + ">";
		OutgoingMail mail = new OutgoingMail(messageId, sender(settings, m.senderName()),
				thread != null && settings.plusAddressing()
						? new InternetAddress(ReplyToken.address(settings, thread.token())) : null,
				to, thread == null ? "" : thread.subject(), threads.references(instance.id(), m.conversationId()),
				answer == null ? m.text() : answer.text(), quoted(conversation, m.seq()),
				answer == null ? List.of() : files(instance, answer), m.at());
		Session session = servers.smtpSession(settings);
		MimeMessage mime = mail.toMime(session);
		try (Transport transport = servers.smtp(settings, session)) {
			transport.sendMessage(mime, mime.getAllRecipients());
		}
		catch (AuthenticationFailedException e) {
			throw DeliveryFailed.permanent("SMTP login refused by " + settings.smtpHost() + ": " + MailboxReader.describe(e));
		}
		catch (MessagingException e) {
			if (rejected(e)) {
				throw DeliveryFailed.permanent(
						"the SMTP server " + settings.smtpHost() + " refused the mail: " + MailboxReader.describe(e));
			}
			throw e;
		}
		threads.add(instance.id(), instance.organizationId(), m.conversationId(), messageId, true);
		return messageId;
	}

	/** The From: the channel's name, with the agent's (or assistant's) name before it when there is one. */
	private static InternetAddress sender(EmailSettings settings, @Nullable String senderName) {
		String name = settings.displayName() == null ? senderName
				: senderName == null ? settings.displayName() : senderName + " (" + settings.displayName() + ")";
		try {
			return new InternetAddress(settings.address(), name, "UTF-8");
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException("UTF-8 is always there", e);
		}
	}

	/** The messages before the answer, newest first: the customer's and the agents', not system lines. */
	private static List<OutgoingMail.Quoted> quoted(List<Message> conversation, long beforeSeq) {
		List<OutgoingMail.Quoted> quoted = new ArrayList<>();
		for (int i = conversation.size() - 1; i >= 0 && quoted.size() < QUOTED; i--) {
			Message earlier = conversation.get(i);
			if (earlier.seq() < beforeSeq && earlier.sender().type() != ParticipantType.SYSTEM && !earlier.text().isBlank()) {
				String author = earlier.sender().type() == ParticipantType.CONTACT ? "you"
						: earlier.sender().name() == null ? "Support" : earlier.sender().name();
				quoted.add(new OutgoingMail.Quoted(author, earlier.createdAt(), earlier.text()));
			}
		}
		return quoted;
	}

	private List<IncomingMail.File> files(ChannelInstance instance, Message answer) throws IOException {
		List<IncomingMail.File> files = new ArrayList<>();
		for (AttachmentRef ref : answer.attachments()) {
			Attachments.Download download = attachments.open(instance.organizationId(), ref.id());
			try (InputStream content = download.content()) {
				files.add(new IncomingMail.File(download.fileName(), download.contentType(), content.readAllBytes()));
			}
		}
		return files;
	}

	/** Whether the server refused the mail for good (5xx: a recipient that does not exist, a policy), not for now. */
	private static boolean rejected(MessagingException e) {
		for (Exception next = e; next != null;
				next = next instanceof MessagingException me ? me.getNextException() : null) {
			if (next instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500
					|| next instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
				return true;
			}
		}
		return false;
	}

}
