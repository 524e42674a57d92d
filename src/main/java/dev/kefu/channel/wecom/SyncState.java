package dev.kefu.channel.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.SqlTime;

/**
 * Where each WeCom channel's kf/sync_msg stopped, and who reads it now. A callback only says "there is something"
 * ({@link #wanted}); the node holding the channel's lease reads until WeCom has no more, storing the cursor after
 * every page it has stored, and reads again if another callback came meanwhile. The lease is a conditional update
 * with an expiry, so a node that dies mid-sync hands the channel on by itself.
 */
@Component
class SyncState {

	static final Duration LEASE = Duration.ofMinutes(2);

	private final JdbcClient jdbc;
	private final Clock clock;

	SyncState(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The cursor and the newest callback's token (valid for 10 minutes; it lifts sync_msg's strict rate limit). */
	record Position(@Nullable String cursor, @Nullable String callbackToken) {
	}

	/** A callback came: someone must read the channel's messages. */
	void wanted(UUID channel, @Nullable String callbackToken) {
		ensure(channel);
		jdbc.sql("""
				UPDATE wecom_kf_sync SET wanted = TRUE, callback_token = COALESCE(?, callback_token)
				WHERE channel_id = ?""")
			.params(callbackToken, channel)
			.update();
	}

	/**
	 * Whether this node now reads the channel (no one holds a live lease; a second reader on this node too waits
	 * its turn). Taking over from a node whose lease ran out reads again, as that node may have died mid-round.
	 */
	boolean take(UUID channel, String node) {
		ensure(channel);
		Instant now = clock.instant();
		return jdbc.sql("""
				UPDATE wecom_kf_sync
				SET lease_owner = ?, lease_until = ?, wanted = CASE WHEN lease_owner IS NULL THEN wanted ELSE TRUE END
				WHERE channel_id = ? AND (lease_owner IS NULL OR lease_until < ?)""")
			.params(node, SqlTime.of(now.plus(LEASE)), channel, SqlTime.of(now))
			.update() == 1;
	}

	/** Starts a round if one is wanted (clearing the wish, so a callback during the round asks for another). */
	boolean startRound(UUID channel, String node) {
		return jdbc.sql("""
				UPDATE wecom_kf_sync SET wanted = FALSE, lease_until = ?
				WHERE channel_id = ? AND lease_owner = ? AND wanted""")
			.params(SqlTime.of(clock.instant().plus(LEASE)), channel, node)
			.update() == 1;
	}

	Position position(UUID channel) {
		return jdbc.sql("SELECT next_cursor, callback_token FROM wecom_kf_sync WHERE channel_id = ?")
			.param(channel)
			.query((rs, row) -> new Position(rs.getString(1), rs.getString(2)))
			.single();
	}

	/** A page is stored: the next read starts after it. Only while this node still holds the lease. */
	boolean advance(UUID channel, String node, String cursor) {
		return jdbc.sql("""
				UPDATE wecom_kf_sync SET next_cursor = ?, lease_until = ?
				WHERE channel_id = ? AND lease_owner = ?""")
			.params(cursor, SqlTime.of(clock.instant().plus(LEASE)), channel, node)
			.update() == 1;
	}

	/** The callback's token was refused (expired): read on without it. */
	void dropToken(UUID channel) {
		jdbc.sql("UPDATE wecom_kf_sync SET callback_token = NULL WHERE channel_id = ?").param(channel).update();
	}

	/**
	 * Gives the lease back unless a callback came since the last round began: false then, and the holder reads
	 * again (so a callback that came just before the release is never left waiting for the next one).
	 */
	boolean release(UUID channel, String node) {
		return jdbc.sql("""
				UPDATE wecom_kf_sync SET lease_owner = NULL, lease_until = NULL
				WHERE channel_id = ? AND lease_owner = ? AND NOT wanted""")
			.params(channel, node)
			.update() == 1;
	}

	/** Gives the lease back after a failure, leaving the wish for the next attempt. */
	void abandon(UUID channel, String node) {
		jdbc.sql("""
				UPDATE wecom_kf_sync SET lease_owner = NULL, lease_until = NULL, wanted = TRUE
				WHERE channel_id = ? AND lease_owner = ?""")
			.params(channel, node)
			.update();
	}

	/** Channels no live lease serves that need reading: a callback whose node died, a failed or cut-off read. */
	List<UUID> waiting() {
		return jdbc.sql("""
				SELECT channel_id FROM wecom_kf_sync
				WHERE (wanted AND lease_owner IS NULL) OR lease_until < ?""")
			.param(SqlTime.of(clock.instant()))
			.query(UUID.class)
			.list();
	}

	void forget(UUID channel) {
		jdbc.sql("DELETE FROM wecom_kf_sync WHERE channel_id = ?").param(channel).update();
	}

	private void ensure(UUID channel) {
		Integer rows = jdbc.sql("SELECT COUNT(*) FROM wecom_kf_sync WHERE channel_id = ?")
			.param(channel)
			.query(Integer.class)
			.single();
		if (rows == 0) {
			try {
				jdbc.sql("INSERT INTO wecom_kf_sync (channel_id, wanted) VALUES (?, FALSE)").param(channel).update();
			}
			catch (DuplicateKeyException alreadyThere) {
				// Made meanwhile by another callback or node: the row is all that was wanted.
			}
		}
	}
}
