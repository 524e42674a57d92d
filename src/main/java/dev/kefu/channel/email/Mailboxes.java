package dev.kefu.channel.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.SqlTime;
import dev.kefu.shared.Text;

/**
 * Where reading of each e-mail channel's mailbox stands, and which node reads it. A lease is taken and renewed with
 * one conditional UPDATE, so two nodes never read one mailbox at once, and a node that died leaves a lease that runs
 * out. The last UID is committed after each mail is stored: a restart goes on after it, and a UIDVALIDITY the
 * server changed starts the folder over.
 */
@Component
class Mailboxes {

	private final JdbcClient jdbc;
	private final Clock clock;

	Mailboxes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How far reading got: the folder's UIDVALIDITY then (null before the first read) and the last UID stored. */
	record Position(String folder, @Nullable Long uidValidity, long lastUid) {
	}

	/** The mailbox is this node's for {@code lease} from now (taken, or renewed), or false when another node has it. */
	boolean lease(UUID channelId, UUID organizationId, String folder, UUID node, Duration lease) {
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO email_mailbox (channel_id, organization_id, folder, last_uid)
				VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING""")
			.params(channelId, organizationId, folder)
			.update();
		return jdbc.sql("""
				UPDATE email_mailbox SET lease_owner = :node, lease_until = :until
				WHERE channel_id = :channel AND (lease_owner = :node OR lease_until IS NULL OR lease_until < :now)""")
			.param("node", node)
			.param("until", SqlTime.of(now.plus(lease)))
			.param("channel", channelId)
			.param("now", SqlTime.of(now))
			.update() == 1;
	}

	/** Lets go of the mailbox (this node stops), so another node takes it without waiting for the lease to end. */
	void release(UUID channelId, UUID node) {
		jdbc.sql("UPDATE email_mailbox SET lease_owner = NULL, lease_until = NULL WHERE channel_id = ? AND lease_owner = ?")
			.params(channelId, node)
			.update();
	}

	Optional<Position> position(UUID channelId) {
		return jdbc.sql("SELECT folder, uid_validity, last_uid FROM email_mailbox WHERE channel_id = ?")
			.param(channelId)
			.query((rs, row) -> new Position(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getLong(3)))
			.optional();
	}

	/**
	 * Reading starts over in this folder: a new folder was set, or the server's UIDVALIDITY changed, so the UIDs known
	 * name other mails now.
	 */
	void startOver(UUID channelId, String folder, long uidValidity, long lastUid) {
		jdbc.sql("UPDATE email_mailbox SET folder = ?, uid_validity = ?, last_uid = ? WHERE channel_id = ?")
			.params(folder, uidValidity, lastUid, channelId)
			.update();
	}

	/** The mail with this UID is stored (or was rightly skipped): it is never read again. Only forwards, only ours. */
	boolean done(UUID channelId, UUID node, long uidValidity, long uid) {
		return jdbc.sql("""
				UPDATE email_mailbox SET last_uid = ?, last_error = NULL, read_at = ?
				WHERE channel_id = ? AND uid_validity = ? AND last_uid < ? AND lease_owner = ?""")
			.params(uid, SqlTime.of(clock.instant()), channelId, uidValidity, uid, node)
			.update() == 1;
	}

	/** Why the last read failed, for the admin; cleared by the next mail stored. */
	void failed(UUID channelId, String error) {
		jdbc.sql("UPDATE email_mailbox SET last_error = ?, read_at = ? WHERE channel_id = ?")
			.params(Text.cut(error, 1000), SqlTime.of(clock.instant()), channelId)
			.update();
	}

	void forget(UUID channelId) {
		jdbc.sql("DELETE FROM email_mailbox WHERE channel_id = ?").param(channelId).update();
	}
}
