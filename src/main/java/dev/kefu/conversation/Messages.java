package dev.kefu.conversation;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.contact.VisitorSendBudget;
import dev.kefu.privacy.Masked;
import dev.kefu.privacy.Masking;
import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StateConflict;
import dev.kefu.shared.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The message path. One short transaction allocates the next sequence number of the conversation and inserts the
 * message (on PostgreSQL, for text, one statement); a unique key on (conversation, client message id) turns a resend
 * into "here is the stored one". Only after commit is the message announced, so nothing is ever shown that was not
 * stored.
 */
@Service
public class Messages {

	public static final int MAX_TEXT = 5000;
	public static final int MAX_ATTACHMENTS = 10;
	public static final int MAX_PAGE = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate jdbcTemplate;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Attachments attachments;
	private final JsonMapper json;
	private final Clock clock;
	private final VisitorSendBudget sendBudget;
	private final boolean oneStatement;
	private final List<MessageSubscribers> subscribers;
	private final Masking masking;

	Messages(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, ApplicationEventPublisher events,
			Attachments attachments, JsonMapper json, Clock clock, DataSource dataSource, VisitorSendBudget sendBudget,
			List<MessageSubscribers> subscribers, Masking masking) {
		this.subscribers = subscribers;
		this.masking = masking;
		this.sendBudget = sendBudget;
		this.oneStatement = "PostgreSQL".equals(productName(dataSource));
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.attachments = attachments;
		this.json = json;
		this.clock = clock;
	}

	/** The stored message, and whether this call was a resend of one stored before. */
	public record Appended(Message message, boolean duplicate) {
	}

	/**
	 * Stores a message from the contact or the assigned agent. Rejects closed conversations and senders that are not
	 * part of the conversation.
	 */
	public Appended append(UUID organizationId, UUID conversationId, Participant sender, String clientMsgId,
			String text, List<UUID> attachmentIds) {
		validate(clientMsgId, text, attachmentIds);
		if (sender.type() == ParticipantType.CONTACT && sender.id() != null) {
			sendBudget.take(sender.id());
		}
		// Masked here, before anything is stored or announced: every copy made from the stored text is masked too.
		Masked masked = masking.mask(organizationId, text);
		// No lookup first: resends are rare, and the unique key on the client id finds them at no cost.
		try {
			if (oneStatement && attachmentIds.isEmpty() && !durable(organizationId) && !masked.mustKeep()) {
				return insertInOneStatement(organizationId, conversationId, sender, clientMsgId, masked);
			}
			return transactions.execute(
					status -> insert(organizationId, conversationId, sender, clientMsgId, masked, attachmentIds, null));
		}
		catch (DuplicateKeyException resend) {
			return resent(byClientId(organizationId, conversationId, clientMsgId).orElseThrow(), sender);
		}
	}

	/** A system line in the timeline ("Li Na is now serving you"), inside the caller's transaction. */
	void appendSystem(Conversation conversation, SystemLine line) {
		jdbc.sql("UPDATE conversation SET last_seq = last_seq + 1 WHERE id = ?").param(conversation.id()).update();
		Message message = systemMessage(conversation.id(), lastSeq(conversation.id()), line, clock.instant());
		store(conversation.organizationId(), message, null);
		announce(conversation.organizationId(), conversation.contactId(), conversation.agentId(), conversation.state(),
				message);
	}

	/** A system line for a conversation whose {@code lastSeq} the caller has just allocated for it. */
	record SystemLineFor(Conversation conversation, SystemLine line) {
	}

	/** System lines in one batch, inside the caller's transaction (see {@link Conversations#assignAll}). */
	void appendSystemLines(List<SystemLineFor> lines) {
		Instant now = clock.instant();
		List<Message> stored = lines.stream()
			.map(line -> systemMessage(line.conversation().id(), line.conversation().lastSeq(), line.line(), now))
			.toList();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			rows.add(row(lines.get(i).conversation().organizationId(), stored.get(i), null));
		}
		jdbcTemplate.batchUpdate(INSERT_MESSAGE, rows);
		for (int i = 0; i < lines.size(); i++) {
			Conversation c = lines.get(i).conversation();
			announce(c.organizationId(), c.contactId(), c.agentId(), c.state(), stored.get(i));
		}
	}

	/** Stored with its key and parameters; the text is the English wording, for clients that do not render keys. */
	private static Message systemMessage(UUID conversationId, long seq, SystemLine line, Instant at) {
		return new Message(Ids.newId(), conversationId, seq, "sys-" + kind(line) + "-" + Ids.newId(),
				Participant.system(), SystemLines.english(line), List.of(), at, null, line.key(), line.params());
	}

	/** The client message id says which line it is (sys-now-serving-...), for whoever reads the table. */
	private static String kind(SystemLine line) {
		return line.key().substring(line.key().indexOf('.') + 1).replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
	}

	/** Messages after a sequence number, in order: the catch-up read after a reconnect or a detected gap. */
	public List<Message> after(UUID organizationId, UUID conversationId, long afterSeq, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new RequestRejected("invalid-limit", "limit must be 1 to " + MAX_PAGE);
		}
		return jdbc.sql("""
				SELECT * FROM message WHERE conversation_id = ? AND organization_id = ? AND seq > ?
				ORDER BY seq LIMIT ?""")
			.params(conversationId, organizationId, afterSeq, limit)
			.query(this::map)
			.list();
	}

	/** Every message of a conversation, in order: for read models that measure or inspect a whole conversation. */
	public List<Message> all(UUID organizationId, UUID conversationId) {
		List<Message> all = new ArrayList<>();
		List<Message> page;
		do {
			page = after(organizationId, conversationId, all.isEmpty() ? 0 : all.getLast().seq(), MAX_PAGE);
			all.addAll(page);
		}
		while (page.size() == MAX_PAGE);
		return all;
	}

	/**
	 * The customer's first message in each of these conversations, cut to a preview: what a waiting chat is about, for
	 * agents choosing one from the queue. Conversations without one are missing from the answer.
	 */
	public Map<UUID, String> firstFromContact(UUID organizationId, Collection<UUID> conversationIds) {
		if (conversationIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> first = new HashMap<>();
		jdbc.sql("""
				SELECT m.conversation_id, m.body FROM message m
				WHERE m.conversation_id IN (:ids) AND m.organization_id = :org AND m.sender_type = 'CONTACT'
				  AND m.seq = (SELECT MIN(f.seq) FROM message f
				               WHERE f.conversation_id = m.conversation_id AND f.sender_type = 'CONTACT')""")
			.param("ids", conversationIds)
			.param("org", organizationId)
			.query((rs, row) -> first.put(rs.getObject(1, UUID.class),
					preview(Objects.requireNonNullElse(rs.getString(2), ""))))
			.list();
		return first;
	}

	/** Records how far a side has read and tells the other side. Never moves backwards. */
	public void markRead(UUID organizationId, UUID conversationId, ParticipantType reader, long seq) {
		String column = reader == ParticipantType.CONTACT ? "contact_read_seq" : "agent_read_seq";
		int updated = jdbc.sql("UPDATE conversation SET " + column + " = GREATEST(" + column
				+ ", LEAST(?, last_seq)) WHERE id = ? AND organization_id = ?")
			.params(seq, conversationId, organizationId)
			.update();
		if (updated == 0) {
			throw new ResourceNotFound("conversation", conversationId);
		}
		record Parties(UUID contactId, @Nullable UUID agentId, long read) {
		}
		Parties parties = jdbc.sql("SELECT contact_id, agent_id, " + column + " FROM conversation WHERE id = ?")
			.param(conversationId)
			.query((rs, row) -> new Parties(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3)))
			.single();
		events.publishEvent(new ReceiptUpdated(organizationId, conversationId, parties.contactId(), parties.agentId(),
				reader, parties.read()));
	}

	/**
	 * A reply of the virtual assistant, with what screens need beyond its text in {@code meta}. Refused (conflict)
	 * once the chat has left the assistant, so a late answer never lands in a human's chat.
	 */
	public Appended appendBot(UUID organizationId, UUID conversationId, Participant bot, String clientMsgId,
			String text, Map<String, Object> meta) {
		validate(clientMsgId, text, List.of());
		// The assistant may quote what the customer wrote (a search for their words).
		Masked masked = masking.mask(organizationId, text);
		try {
			return transactions
				.execute(status -> insert(organizationId, conversationId, bot, clientMsgId, masked, List.of(), meta));
		}
		catch (DuplicateKeyException resend) {
			return resent(byClientId(organizationId, conversationId, clientMsgId).orElseThrow(), bot);
		}
	}

	private Appended insert(UUID organizationId, UUID conversationId, Participant sender, String clientMsgId,
			Masked masked, List<UUID> attachmentIds, @Nullable Map<String, Object> meta) {
		String text = masked.text();
		Instant now = clock.instant();
		int updated = jdbc.sql("UPDATE conversation SET " + NEXT_SEQ + tracking(sender)
				+ " WHERE id = :id AND organization_id = :org " + senderGuard(sender))
			.param("now", SqlTime.of(now))
			.param("preview", preview(text))
			.param("id", conversationId)
			.param("org", organizationId)
			.param("sender", sender.id())
			.update();
		if (updated == 0) {
			return notAppended(organizationId, conversationId, sender, clientMsgId);
		}
		Allocated parties = jdbc.sql("SELECT last_seq, contact_id, agent_id, state FROM conversation WHERE id = ?")
			.param(conversationId)
			.query(Messages::allocated)
			.single();
		List<AttachmentRef> refs = attachments.claim(organizationId, conversationId, attachmentIds);
		// Stored without links (they expire); the live copy carries signed ones, as a later read would.
		Message message = new Message(Ids.newId(), conversationId, parties.seq(), clientMsgId, sender, text,
				attachments.signed(refs), now, meta, null, null, masked.masked());
		store(organizationId, message, refs.isEmpty() ? null : json.writeValueAsString(refs));
		masking.keep(organizationId, Masking.MESSAGE, message.id(), conversationId, masked);
		announce(organizationId, parties.contactId(), parties.agentId(), parties.state(), message);
		return new Appended(message, false);
	}

	/**
	 * The same as {@link #insert} for a text message, as one autocommitted statement on PostgreSQL (a data-modifying
	 * {@code WITH}): one round trip and one commit instead of four round trips, on the path every message takes. A
	 * resend fails the whole statement on the unique key, the sequence number included.
	 */
	private Appended insertInOneStatement(UUID organizationId, UUID conversationId, Participant sender,
			String clientMsgId, Masked masked) {
		String text = masked.text();
		Instant now = clock.instant();
		UUID messageId = Ids.newId();
		Optional<Allocated> parties = jdbc.sql("WITH c AS (UPDATE conversation SET " + NEXT_SEQ + tracking(sender)
				+ " WHERE id = :id AND organization_id = :org " + senderGuard(sender)
				+ " RETURNING last_seq, contact_id, agent_id, state), m AS ("
				+ " INSERT INTO message (id, conversation_id, organization_id, seq, client_msg_id, sender_type, sender_id,"
				+ " sender_name, body, attachments, created_at, masked)"
				+ " SELECT :message, :id, :org, last_seq, :client, :type, :sender, :name, :body, NULL, :now, :masked"
				+ " FROM c)"
				+ " SELECT last_seq, contact_id, agent_id, state FROM c")
			.param("now", SqlTime.of(now))
			.param("preview", preview(text))
			.param("id", conversationId)
			.param("org", organizationId)
			.param("sender", sender.id())
			.param("message", messageId)
			.param("client", clientMsgId)
			.param("type", sender.type().name())
			.param("name", sender.name())
			.param("body", text)
			.param("masked", masked.masked())
			.query(Messages::allocated)
			.optional();
		if (parties.isEmpty()) {
			return notAppended(organizationId, conversationId, sender, clientMsgId);
		}
		Message message = new Message(messageId, conversationId, parties.get().seq(), clientMsgId, sender, text,
				List.of(), now, null, null, null, masked.masked());
		announce(organizationId, parties.get().contactId(), parties.get().agentId(), parties.get().state(), message);
		return new Appended(message, false);
	}

	private record Allocated(long seq, UUID contactId, @Nullable UUID agentId, ConversationState state) {
	}

	private static Allocated allocated(ResultSet rs, int row) throws SQLException {
		return new Allocated(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				ConversationState.valueOf(rs.getString(4)));
	}

	private static final String NEXT_SEQ = "last_seq = last_seq + 1, last_message_at = :now, last_message_preview = :preview";

	/** A sender has read everything up to their own message; only a human agent's reply is a response. */
	private static String tracking(Participant sender) {
		return switch (sender.type()) {
			// Waiting for a person starts when the chat leaves the assistant (see Conversations.handOver).
			case CONTACT -> ", contact_read_seq = last_seq + 1, awaiting_reply_since = CASE WHEN state = 'BOT' THEN NULL"
					+ " ELSE COALESCE(awaiting_reply_since, :now) END";
			case AGENT -> ", agent_read_seq = last_seq + 1, awaiting_reply_since = NULL,"
					+ " first_response_at = COALESCE(first_response_at, :now)";
			case BOT, SYSTEM -> "";
		};
	}

	/** Who may write when: the customer while the chat is open, the assistant only while it serves the chat. */
	private static String senderGuard(Participant sender) {
		return switch (sender.type()) {
			case CONTACT -> "AND state IN ('BOT', 'QUEUED', 'ASSIGNED') AND contact_id = :sender";
			case AGENT -> "AND state IN ('QUEUED', 'ASSIGNED') AND agent_id = :sender";
			case BOT -> "AND state = 'BOT'";
			case SYSTEM -> "AND state IN ('BOT', 'QUEUED', 'ASSIGNED')";
		};
	}

	private static String preview(String text) {
		return text.isBlank() ? "[attachment]" : Text.cut(text, 200);
	}

	/** Nothing was stored: a resend after the chat was closed still gets its stored message back, else why not. */
	private Appended notAppended(UUID organizationId, UUID conversationId, Participant sender, String clientMsgId) {
		return byClientId(organizationId, conversationId, clientMsgId).map(stored -> resent(stored, sender))
			.orElseThrow(() -> whyNot(organizationId, conversationId));
	}

	private void store(UUID organizationId, Message message, @Nullable String attachmentJson) {
		jdbc.sql(INSERT_MESSAGE).params(row(organizationId, message, attachmentJson)).update();
	}

	private static final String INSERT_MESSAGE = """
			INSERT INTO message (id, conversation_id, organization_id, seq, client_msg_id, sender_type, sender_id,
			                     sender_name, body, attachments, created_at, meta, text_key, text_params, masked)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private Object[] row(UUID organizationId, Message message, @Nullable String attachmentJson) {
		return new Object[] { message.id(), message.conversationId(), organizationId, message.seq(),
				message.clientMsgId(), message.sender().type().name(), message.sender().id(), message.sender().name(),
				message.text(), attachmentJson, SqlTime.of(message.createdAt()),
				message.meta() == null ? null : json.writeValueAsString(message.meta()), message.textKey(),
				message.textParams() == null ? null : json.writeValueAsString(message.textParams()), message.masked() };
	}

	private void announce(UUID organizationId, UUID contactId, @Nullable UUID agentId, ConversationState state,
			Message message) {
		// Inside the storing transaction: every caller but the one-statement path, which is taken only when durable()
		// said no a moment ago (should that answer have just changed, this one message is not sent).
		if (TransactionSynchronizationManager.isActualTransactionActive() && durable(organizationId)) {
			Participant sender = message.sender();
			events.publishEvent(new MessageCreated(organizationId, message.conversationId(), contactId, message.id(),
					message.seq(), sender.type(), sender.id(), sender.name(), message.text(),
					message.attachments().size(), message.createdAt(), message.textKey(), message.textParams()));
		}
		AfterCommit.run(() -> events.publishEvent(new MessageAppended(organizationId, contactId, agentId, state, message)));
	}

	private boolean durable(UUID organizationId) {
		for (MessageSubscribers subscriber : subscribers) {
			if (subscriber.wanted(organizationId)) {
				return true;
			}
		}
		return false;
	}

	private long lastSeq(UUID conversationId) {
		return jdbc.sql("SELECT last_seq FROM conversation WHERE id = ?").param(conversationId).query(Long.class).single();
	}

	private static String productName(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException e) {
			return "unknown";
		}
	}

	private RuntimeException whyNot(UUID organizationId, UUID conversationId) {
		return jdbc.sql("SELECT state FROM conversation WHERE id = ? AND organization_id = ?")
			.params(conversationId, organizationId)
			.query(String.class)
			.optional()
			.<RuntimeException>map(state -> ConversationState.valueOf(state).isOpen()
					? new AccessDenied("you are not a participant of conversation " + conversationId)
					: new StateConflict("conversation-closed", "conversation " + conversationId + " is closed"))
			.orElseGet(() -> new ResourceNotFound("conversation", conversationId));
	}

	private Appended resent(Message stored, Participant sender) {
		if (stored.sender().type() != sender.type() || !java.util.Objects.equals(stored.sender().id(), sender.id())) {
			throw new StateConflict("client-id-reused", "client message id " + stored.clientMsgId()
					+ " was already used by another sender in this conversation");
		}
		return new Appended(stored, true);
	}

	private Optional<Message> byClientId(UUID organizationId, UUID conversationId, String clientMsgId) {
		return jdbc.sql("SELECT * FROM message WHERE conversation_id = ? AND client_msg_id = ? AND organization_id = ?")
			.params(conversationId, clientMsgId, organizationId)
			.query(this::map)
			.optional();
	}

	private static void validate(String clientMsgId, String text, List<UUID> attachmentIds) {
		if (clientMsgId == null || !clientMsgId.matches("[A-Za-z0-9_.:-]{1,64}")) {
			throw new RequestRejected("invalid-client-msg-id",
					"clientMsgId must be 1-64 characters of letters, digits and _ . : -");
		}
		if (text == null || text.length() > MAX_TEXT) {
			throw new RequestRejected("message-too-long", "a message may have at most " + MAX_TEXT + " characters");
		}
		Text.requireWellFormed(text, "text");
		if (text.isBlank() && attachmentIds.isEmpty()) {
			throw new RequestRejected("empty-message", "a message needs text or an attachment");
		}
		if (attachmentIds.size() > MAX_ATTACHMENTS) {
			throw new RequestRejected("too-many-attachments", "at most " + MAX_ATTACHMENTS + " attachments a message");
		}
	}

	private Message map(ResultSet rs, int row) throws SQLException {
		String attachmentJson = rs.getString("attachments");
		Map<String, String> textParams = textParams(rs.getString("text_params"));
		List<AttachmentRef> refs = attachmentJson == null ? List.of()
				: attachments.signed(json.readValue(attachmentJson, new TypeReference<List<AttachmentRef>>() {
				}));
		return new Message(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
				rs.getLong("seq"), rs.getString("client_msg_id"),
				new Participant(ParticipantType.valueOf(rs.getString("sender_type")),
						rs.getObject("sender_id", UUID.class), rs.getString("sender_name")),
				rs.getString("body"), refs, SqlTime.read(rs, "created_at"), meta(rs.getString("meta")),
				textParams == null ? null : rs.getString("text_key"), textParams, rs.getBoolean("masked"));
	}

	/**
	 * Null when absent, or when the migration gave an old line params that do not read back: such a line is then shown
	 * as stored.
	 */
	private @Nullable Map<String, String> textParams(@Nullable String stored) {
		if (stored == null) {
			return null;
		}
		try {
			return json.readValue(stored, new TypeReference<Map<String, String>>() {
			});
		}
		catch (JacksonException unreadable) {
			return null;
		}
	}

	private @Nullable Map<String, Object> meta(@Nullable String stored) {
		return stored == null ? null : json.readValue(stored, new TypeReference<Map<String, Object>>() {
		});
	}
}
