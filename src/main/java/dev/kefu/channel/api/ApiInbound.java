package dev.kefu.channel.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.channel.ChannelInbound;
import dev.kefu.channel.ChannelInstance;
import dev.kefu.contact.ContactProfile;
import dev.kefu.contact.Contacts;
import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.Messages;
import dev.kefu.conversation.Participant;
import dev.kefu.routing.Intake;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;

/**
 * A bridge's message for one of its customers: the customer's contact (made on the first message), their open
 * conversation or a new one through the intake every chat takes, and the message on the message path every message
 * takes (the customer's send budget included). The bridge's message id is stored with it, so a resend, even a
 * concurrent one or one after the conversation has closed, is stored once and answered with the stored message.
 */
@Service
class ApiInbound {

	private final ChannelCustomers customers;
	private final ChannelInbound inbound;
	private final Messages messages;
	private final Contacts contacts;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;

	ApiInbound(ChannelCustomers customers, ChannelInbound inbound, Messages messages, Contacts contacts,
			JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.customers = customers;
		this.inbound = inbound;
		this.messages = messages;
		this.contacts = contacts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The stored message: where it went, and whether this was a resend of one stored before. */
	record Received(UUID conversationId, UUID messageId, long seq, UUID contactId, boolean duplicate) {
	}

	Received receive(ChannelInstance channel, ApiInboundController.InboundMessage message) {
		String customer = id(message.externalCustomerId(), "externalCustomerId", "invalid-external-customer-id");
		String messageId = id(message.externalMessageId(), "externalMessageId", "invalid-external-message-id");
		if (message.text() == null) {
			throw new RequestRejected("empty-message", "a message needs text");
		}
		Optional<Received> stored = stored(channel, messageId);
		if (stored.isPresent()) {
			return stored.get();
		}
		UUID contact = customers.contact(channel, customer);
		profile(channel, contact, message);
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
					Object reason = started.unavailable();
					throw new RequestRejected(String.valueOf(reason).toLowerCase().replace('_', '-'),
							"nobody can take a chat now (" + reason + "); nothing was stored, send it again later",
							HttpStatus.SERVICE_UNAVAILABLE);
				}
				Messages.Appended appended = messages.append(channel.organizationId(), conversation.id(),
						Participant.contact(contact), clientMsgId(messageId), message.text(), List.of());
				jdbc.sql("""
						INSERT INTO channel_message (channel_id, external_id, organization_id, conversation_id, message_id,
						                             seq, contact_id, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(channel.id(), messageId, channel.organizationId(), conversation.id(),
							appended.message().id(), appended.message().seq(), contact, SqlTime.of(clock.instant()))
					.update();
				return new Received(conversation.id(), appended.message().id(), appended.message().seq(), contact,
						false);
			});
		}
		catch (DuplicateKeyException sameMessageTwiceAtOnce) {
			return stored(channel, messageId).orElseThrow(() -> sameMessageTwiceAtOnce);
		}
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

	/** Name, e-mail, phone and attributes the bridge sent along land on the contact (only what it sent). */
	private void profile(ChannelInstance channel, UUID contact, ApiInboundController.InboundMessage message) {
		Map<String, String> attributes = message.attributes();
		if (message.name() != null || message.email() != null || message.phone() != null
				|| (attributes != null && !attributes.isEmpty())) {
			contacts.update(channel.organizationId(), contact,
					new ContactProfile(message.name(), message.email(), message.phone(), attributes));
		}
	}

	private static String id(@Nullable String given, String field, String code) {
		if (given == null || given.isBlank() || given.length() > 200) {
			throw new RequestRejected(code, field + " is required, at most 200 characters");
		}
		return given;
	}

	/**
	 * The message path's client id for a bridge's message id, which may have any characters and be longer than a client
	 * id may: a digest, so the same id always gives the same client id.
	 */
	private static String clientMsgId(String externalMessageId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(externalMessageId.getBytes(StandardCharsets.UTF_8));
			return "api:" + HexFormat.of().formatHex(digest, 0, 24);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
