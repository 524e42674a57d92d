package dev.kefu.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.Text;
import tools.jackson.databind.json.JsonMapper;

/**
 * What queued channels (e-mail, WeChat) have to send, in the database, so nothing is lost to a crash or an outage.
 * Any node's {@link ChannelSender} claims due rows with a lease (a conditional UPDATE), so one node tries a row at a
 * time, and a node that dies mid-send leaves a lease that runs out. A conversation's rows go out in the order things
 * happened, each only after the earlier ones were sent or gave up.
 */
@Component
class SendQueue {

	static final String PENDING = "PENDING";
	static final String SENT = "SENT";
	static final String FAILED = "FAILED";

	/** Attempts before giving up: the backoff below spreads them over about a day. */
	static final int MAX_ATTEMPTS = 10;

	/**
	 * The waits after each failed attempt, in multiples of the retry base: with the default 5 s, 5 s, 20 s, 1 min,
	 * 5 min, 15 min, 30 min, 1 h, 3 h, 6 h, 8 h, so an outage of most of a day loses nothing.
	 */
	private static final List<Integer> BACKOFF = List.of(1, 4, 12, 60, 180, 360, 720, 2160, 4320, 5760);

	/** Rows younger than this wait, so an event enqueued a moment late still goes out in its place. */
	private static final Duration SETTLE = Duration.ofMillis(300);

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final Duration retryBase;

	SendQueue(JdbcClient jdbc, JsonMapper json, Clock clock,
			@Value("${kefu.channels.retry-base:5s}") Duration retryBase) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.retryBase = retryBase;
	}

	/** One thing to send and its state. */
	record Item(UUID id, UUID organizationId, UUID channelId, UUID conversationId, @Nullable UUID messageId,
			Outbound outbound, String status, int attempts, @Nullable String lastError, @Nullable String externalId,
			@Nullable Instant nextAttemptAt, Instant updatedAt) {
	}

	/** Queues it once: the same durable event replayed after a crash finds its row and adds nothing. */
	void enqueue(ChannelInstance channel, Outbound outbound) {
		Instant now = clock.instant();
		boolean message = outbound instanceof Outbound.Message;
		UUID messageId = outbound instanceof Outbound.Message m ? m.messageId() : null;
		long seq = outbound instanceof Outbound.Message m ? m.seq() : 0;
		String dedup = switch (outbound) {
			case Outbound.Message m -> "message:" + m.messageId();
			case Outbound.StateChanged s -> "state:" + s.conversationId() + ":" + s.change() + ":" + s.at();
		};
		try {
			jdbc.sql("""
					INSERT INTO channel_send (id, organization_id, channel_id, conversation_id, message_id, dedup_key,
					                          kind, event_at, event_seq, payload, status, attempts, next_attempt_at,
					                          created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""")
				.params(Ids.newId(), channel.organizationId(), channel.id(), outbound.conversationId(), messageId,
						Text.cut(dedup, 200), message ? "message" : "state", SqlTime.of(outbound.at()), seq,
						json.writeValueAsString(outbound), SqlTime.of(now), SqlTime.of(now), SqlTime.of(now))
				.update();
		}
		catch (DuplicateKeyException replayed) {
			// Queued before the crash that replays the event.
		}
	}

	/**
	 * Due rows this node may try: settled, not leased, and the earliest pending row of their conversation, so a later
	 * message waits for an earlier one (numbered once per conversation, not asked of every row).
	 */
	List<UUID> due(int limit) {
		Instant now = clock.instant();
		return jdbc.sql("""
				SELECT h.id FROM (
				    SELECT s.id, s.next_attempt_at, s.created_at, s.lease_until,
				           ROW_NUMBER() OVER (PARTITION BY s.conversation_id, s.channel_id
				                              ORDER BY s.event_at, s.event_seq, s.id) AS place
				    FROM channel_send s WHERE s.status = 'PENDING') h
				WHERE h.place = 1 AND h.next_attempt_at <= :now AND h.created_at <= :settled
				  AND (h.lease_until IS NULL OR h.lease_until < :now)
				ORDER BY h.next_attempt_at
				LIMIT :limit""")
			.param("now", SqlTime.of(now))
			.param("settled", SqlTime.of(now.minus(SETTLE)))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** The row, now leased to this node for one attempt, or empty when another node took it first. */
	Optional<Item> claim(UUID id) {
		Instant now = clock.instant();
		UUID owner = UUID.randomUUID();
		int claimed = jdbc.sql("""
				UPDATE channel_send SET lease_until = ?, lease_owner = ?, attempts = attempts + 1
				WHERE id = ? AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)""")
			.params(SqlTime.of(now.plus(LEASE)), owner, id, SqlTime.of(now))
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM channel_send WHERE id = ? AND lease_owner = ?")
			.params(id, owner)
			.query(this::map)
			.optional();
	}

	void sent(Item item, @Nullable String externalId) {
		jdbc.sql("""
				UPDATE channel_send SET status = 'SENT', external_id = ?, last_error = NULL, lease_until = NULL,
				       updated_at = ?
				WHERE id = ?""")
			.params(externalId == null ? null : Text.cut(externalId, 998), SqlTime.of(clock.instant()), item.id())
			.update();
	}

	/** Tried and failed: again after the backoff, or for good after the last attempt or a permanent failure. */
	String failed(Item item, String error, boolean permanent) {
		boolean givingUp = permanent || item.attempts() >= MAX_ATTEMPTS;
		Instant now = clock.instant();
		Duration wait = retryBase.multipliedBy(BACKOFF.get(Math.min(item.attempts(), BACKOFF.size()) - 1));
		jdbc.sql("""
				UPDATE channel_send SET status = ?, last_error = ?, next_attempt_at = ?, lease_until = NULL,
				       updated_at = ?
				WHERE id = ?""")
			.params(givingUp ? FAILED : PENDING, Text.cut(Text.repaired(error), 1000), SqlTime.of(now.plus(wait)),
					SqlTime.of(now), item.id())
			.update();
		return givingUp ? FAILED : PENDING;
	}

	/** The channel learned later that what it sent did not arrive: the row of the message sent under that id. */
	Optional<Item> failedLater(UUID channelId, String externalId, String reason) {
		Optional<Item> item = jdbc.sql("SELECT * FROM channel_send WHERE channel_id = ? AND external_id = ?")
			.params(channelId, externalId)
			.query(this::map)
			.optional();
		item.ifPresent(i -> jdbc.sql("""
				UPDATE channel_send SET status = 'FAILED', last_error = ?, updated_at = ? WHERE id = ?""")
			.params(Text.cut(Text.repaired(reason), 1000), SqlTime.of(clock.instant()), i.id())
			.update());
		return item.map(i -> read(i.id()));
	}

	Item read(UUID id) {
		return jdbc.sql("SELECT * FROM channel_send WHERE id = ?").param(id).query(this::map).single();
	}

	/** The messages of a conversation that went to a queued channel, in the order they happened. */
	List<Item> ofConversation(UUID organizationId, UUID conversationId) {
		return jdbc.sql("""
				SELECT * FROM channel_send WHERE organization_id = ? AND conversation_id = ? AND kind = 'message'
				ORDER BY event_at, event_seq""")
			.params(organizationId, conversationId)
			.query(this::map)
			.list();
	}

	Optional<String> externalId(UUID channelId, UUID messageId) {
		return jdbc.sql("SELECT external_id FROM channel_send WHERE channel_id = ? AND message_id = ? AND status = 'SENT'")
			.params(channelId, messageId)
			.query(String.class)
			.optional();
	}

	Optional<UUID> messageOf(UUID channelId, String externalId) {
		return jdbc.sql("""
				SELECT message_id FROM channel_send WHERE channel_id = ? AND external_id = ? AND message_id IS NOT NULL""")
			.params(channelId, externalId)
			.query(UUID.class)
			.optional();
	}

	/** The conversation a message the channel sent under that id belongs to (an e-mail reply's In-Reply-To). */
	Optional<UUID> conversationOf(UUID channelId, String externalId) {
		return jdbc.sql("SELECT conversation_id FROM channel_send WHERE channel_id = ? AND external_id = ?")
			.params(channelId, externalId)
			.query(UUID.class)
			.optional();
	}

	private Item map(ResultSet rs, int row) throws SQLException {
		String payload = rs.getString("payload");
		Outbound outbound = "message".equals(rs.getString("kind")) ? json.readValue(payload, Outbound.Message.class)
				: json.readValue(payload, Outbound.StateChanged.class);
		String status = rs.getString("status");
		return new Item(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getObject("channel_id", UUID.class), rs.getObject("conversation_id", UUID.class),
				rs.getObject("message_id", UUID.class), outbound, status, rs.getInt("attempts"),
				rs.getString("last_error"), rs.getString("external_id"),
				PENDING.equals(status) ? SqlTime.read(rs, "next_attempt_at") : null, SqlTime.read(rs, "updated_at"));
	}
}
