package dev.kefu.channel.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.CustomerMessages;
import dev.kefu.channel.Deliveries;
import dev.kefu.contact.ContactProfile;
import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.Conversations;
import dev.kefu.conversation.Messages;
import dev.kefu.shared.Text;

/**
 * What a mail read from the mailbox does. A customer's mail is a message of their conversation (a new one, or the
 * open one of the thread it answers); automatic mail opens nothing and is answered by nobody; a bounce of a mail
 * Kefu sent marks that message failed. Stored once per Message-ID, so a mail read again changes nothing.
 */
@Component
class EmailInbound {

	private static final Logger log = LoggerFactory.getLogger(EmailInbound.class);

	private final CustomerMessages customers;
	private final Deliveries deliveries;
	private final Conversations conversations;
	private final Threads threads;

	EmailInbound(CustomerMessages customers, Deliveries deliveries, Conversations conversations, Threads threads) {
		this.customers = customers;
		this.deliveries = deliveries;
		this.conversations = conversations;
		this.threads = threads;
	}

	/** Takes one mail; throws when it could not be stored now (nobody available, a database error): read it again later. */
	void take(ChannelInstance channel, EmailSettings settings, IncomingMail mail) {
		switch (mail.kind()) {
			case BOUNCE -> bounced(channel, mail);
			case AUTOMATIC, OWN -> log.info("E-mail channel {}: not a customer's mail ({}), from {}: {}", channel.id(),
					mail.why(), mail.from(), mail.messageId());
			case PERSON -> fromCustomer(channel, settings, mail);
		}
	}

	private void bounced(ChannelInstance channel, IncomingMail mail) {
		IncomingMail.Bounce bounce = mail.bounce();
		if (bounce == null || bounce.originalMessageId() == null) {
			log.info("E-mail channel {}: a bounce that names no mail of ours: {}", channel.id(), mail.messageId());
			return;
		}
		boolean marked = deliveries.failedLater(channel.id(), bounce.originalMessageId(),
				"the mail bounced: " + bounce.reason());
		log.info("E-mail channel {}: bounce of {} ({}): {}", channel.id(), bounce.originalMessageId(),
				marked ? "marked failed" : "not a message of ours", bounce.reason());
	}

	private void fromCustomer(ChannelInstance channel, EmailSettings settings, IncomingMail mail) {
		Optional<Threads.Thread> thread = threads.answered(channel.id(), mail.answers());
		if (thread.isEmpty()) {
			thread = mail.recipients()
				.stream()
				.map(r -> ReplyToken.of(settings, r))
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.flatMap(token -> threads.byToken(channel.id(), token));
		}
		if (thread.isEmpty()) {
			// A client that keeps neither In-Reply-To nor the Reply-To: the customer's latest thread, same subject.
			thread = threads.latest(channel.id(), channel.organizationId(), mail.from(), mail.subject());
		}
		// The thread's customer, even when they answer from another address of theirs: it is one conversation.
		String customer = thread.map(Threads.Thread::customer).orElse(mail.from());
		boolean continues = thread.flatMap(t -> conversations.find(channel.organizationId(), t.conversationId()))
			.map(Conversation::state)
			.filter(state -> state.isOpen())
			.isPresent();
		String subject = mail.subject().isBlank() ? thread.map(Threads.Thread::subject).orElse("") : mail.subject();
		CustomerMessages.Received received = customers.receive(channel,
				new CustomerMessages.Incoming(customer, externalId(mail.messageId()), text(mail, subject, continues),
						mail.files()
							.stream()
							.map(f -> new CustomerMessages.IncomingFile(f.name(), f.contentType(), f.content()))
							.toList(),
						new ContactProfile(mail.fromName(), customer, null, null), settings.groupId()));
		threads.open(channel.id(), channel.organizationId(), received.conversationId(), customer,
				received.conversationId().equals(thread.map(Threads.Thread::conversationId).orElse(null))
						? thread.get().subject() : subject);
		threads.add(channel.id(), channel.organizationId(), received.conversationId(), mail.messageId(), false);
	}

	/**
	 * What the agent reads: the subject on the first line of a new conversation (it says what the mail is about),
	 * then the words; a reply within an open conversation is only its words. A mail with nothing but files says so.
	 */
	static String text(IncomingMail mail, String subject, boolean continues) {
		String body = mail.text().isBlank() ? (mail.files().isEmpty() ? "(empty mail)" : "") : mail.text();
		String text = continues || subject.isBlank() ? body
				: body.isEmpty() ? "Subject: " + subject : "Subject: " + subject + "\n\n" + body;
		// Room is left for the notes the message path adds about files it could not keep.
		int room = Messages.MAX_TEXT - 200 * Math.min(mail.files().size(), Messages.MAX_ATTACHMENTS);
		if (text.length() > room) {
			String more = "\n\n[… the mail goes on; it was cut to fit]";
			text = Text.cut(text, room - more.length()) + more;
		}
		return text;
	}

	/** A Message-ID as the channel's message id: as it is when short enough, otherwise a digest of it. */
	static String externalId(String messageId) {
		if (messageId.length() <= 200) {
			return messageId;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
			return "<sha256:" + HexFormat.of().formatHex(digest) + ">";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
