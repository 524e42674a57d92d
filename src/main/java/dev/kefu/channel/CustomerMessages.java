package dev.kefu.channel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.contact.ContactProfile;
import dev.kefu.contact.Contacts;
import dev.kefu.conversation.AttachmentRef;
import dev.kefu.conversation.Attachments;
import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.Messages;
import dev.kefu.conversation.Participant;
import dev.kefu.routing.Intake;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.Text;

/**
 * The one way in for channels whose customers have ids of the channel's own (a bridge's customer id, an e-mail
 * address, a WeChat openid): the customer's contact (made on first contact), their open conversation or a new one
 * through routing's intake, as every chat takes, and the message on the message path every message takes (the
 * customer's send budget included). The channel's id for the message is stored with it, so a message delivered again,
 * even concurrently or after the conversation has closed, is stored once and answered with the stored message.
 */
@Service
public class CustomerMessages {

	/** A file that came with a customer's message. */
	public record IncomingFile(String name, String contentType, byte[] content) {
	}

	/** A customer's message as the channel received it; {@code profile} lands on the contact (only what it names). */
	public record Incoming(String externalCustomerId, String externalMessageId, String text, List<IncomingFile> files,
			@Nullable ContactProfile profile, @Nullable UUID groupId) {

		public Incoming(String externalCustomerId, String externalMessageId, String text) {
			this(externalCustomerId, externalMessageId, text, List.of(), null, null);
		}
	}

	/** The stored message: where it went, and whether it had been stored before. */
	public record Received(UUID conversationId, UUID messageId, long seq, UUID contactId, boolean duplicate) {
	}

	private final ChannelCustomers customers;
	private final ChannelInbound inbound;
	private final Messages messages;
	private final Attachments attachments;
	private final Contacts contacts;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;

	CustomerMessages(ChannelCustomers customers, ChannelInbound inbound, Messages messages, Attachments attachments,
			Contacts contacts, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.customers = customers;
		this.inbound = inbound;
		this.messages = messages;
		this.attachments = attachments;
		this.contacts = contacts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Stores the message once per channel message id. A file the attachment rules refuse (type, size) is named in the
	 * text instead, so the message itself is never lost for it. The text must be what a message may carry (at most
	 * {@link Messages#MAX_TEXT} characters, well-formed; a message with neither text nor files is refused): a channel
	 * that cannot refuse its customer (e-mail) makes it fit first.
	 *
	 * @throws NobodyAvailable when nobody can take a chat now; nothing was stored
	 */
	public Received receive(ChannelInstance channel, Incoming message) {
		String customer = id(message.externalCustomerId(), "externalCustomerId", "invalid-external-customer-id");
		String messageId = id(message.externalMessageId(), "externalMessageId", "invalid-external-message-id");
		Optional<Received> stored = stored(channel, messageId);
		if (stored.isPresent()) {
			return stored.get();
		}
		UUID contact = customers.contact(channel, customer);
		if (message.profile() != null) {
			contacts.update(channel.organizationId(), contact, message.profile());
		}
		try {
			return transactions.execute(status -> {
				customers.lock(channel, customer);
				Optional<Received> meanwhile = stored(channel, messageId);
				if (meanwhile.isPresent()) {
					return meanwhile.get();
				}
				Intake.Started started = inbound.start(channel, contact, message.groupId());
				Conversation conversation = started.conversation();
				if (conversation == null) {
					throw new NobodyAvailable(String.valueOf(started.unavailable()));
				}
				return store(channel, conversation, contact, messageId, message);
			});
		}
		catch (DuplicateKeyException sameMessageTwiceAtOnce) {
			return stored(channel, messageId).orElseThrow(() -> sameMessageTwiceAtOnce);
		}
	}

	/** The contact of a channel's customer, made if new (a WeChat follower before their first message). */
	public UUID contact(ChannelInstance channel, String externalCustomerId) {
		return customers.contact(channel, id(externalCustomerId, "externalCustomerId", "invalid-external-customer-id"));
	}

	/** The channel's id for a contact, where replies go, if the contact came through the channel. */
	public Optional<String> externalCustomerId(ChannelInstance channel, UUID contactId) {
		return customers.externalId(channel, contactId);
	}

	private Received store(ChannelInstance channel, Conversation conversation, UUID contact, String messageId,
			Incoming message) {
		Participant sender = Participant.contact(contact);
		List<UUID> files = new ArrayList<>();
		StringBuilder text = new StringBuilder(message.text());
		for (IncomingFile file : message.files().stream().limit(Messages.MAX_ATTACHMENTS).toList()) {
			try {
				AttachmentRef ref = attachments.upload(channel.organizationId(), conversation.id(), sender, file.name(),
						file.contentType(), new ByteArrayInputStream(file.content()));
				files.add(ref.id());
			}
			catch (RequestRejected refused) {
				text.append(text.isEmpty() ? "" : "\n").append("[").append(file.name()).append(": ")
					.append(refused.getMessage()).append("]");
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		// The text is the channel's to make fit (a bridge is refused a message too long; e-mail shortens its own);
		// only the notes of refused files are cut to fit.
		String body = text.length() > message.text().length() ? Text.cut(text.toString(), Messages.MAX_TEXT)
				: message.text();
		Messages.Appended appended = messages.append(channel.organizationId(), conversation.id(), sender,
				clientMsgId(channel, messageId), body, files);
		jdbc.sql("""
				INSERT INTO channel_message (channel_id, external_id, organization_id, conversation_id, message_id,
				                             seq, contact_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(channel.id(), messageId, channel.organizationId(), conversation.id(), appended.message().id(),
					appended.message().seq(), contact, SqlTime.of(clock.instant()))
			.update();
		return new Received(conversation.id(), appended.message().id(), appended.message().seq(), contact, false);
	}

	/** Read from the channel's own record of it: the message table is the conversation module's. */
	private Optional<Received> stored(ChannelInstance channel, String externalMessageId) {
		return jdbc.sql("""
				SELECT conversation_id, message_id, seq, contact_id FROM channel_message
				WHERE channel_id = ? AND external_id = ?""")
			.params(channel.id(), externalMessageId)
			.query((rs, row) -> new Received(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
					rs.getObject(4, UUID.class), true))
			.optional();
	}

	private static String id(@Nullable String given, String field, String code) {
		if (given == null || given.isBlank() || given.length() > 200) {
			throw new RequestRejected(code, field + " is required, at most 200 characters");
		}
		return given;
	}

	/**
	 * The message path's client id for a channel's message id, which may have any characters and be longer than a
	 * client id may: a digest, so the same id always gives the same client id. The API channel's prefix is kept, so
	 * its messages stored before keep matching.
	 */
	private static String clientMsgId(ChannelInstance channel, String externalMessageId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(externalMessageId.getBytes(StandardCharsets.UTF_8));
			String prefix = channel.provider().length() <= 12 ? channel.provider() : channel.provider().substring(0, 12);
			return prefix + ":" + HexFormat.of().formatHex(digest, 0, 24);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
