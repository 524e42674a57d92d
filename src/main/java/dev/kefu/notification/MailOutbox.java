package dev.kefu.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.Text;

/**
 * Mail waiting for, or done with, the SMTP server. A row is written once per key and never rewritten but for its
 * state, so every retry sends the same mail. Every node's {@link Postman} claims due rows with a conditional UPDATE
 * that sets a lease: one attempt is made by one node, and a node that dies mid-attempt leaves a lease that runs out.
 */
@Component
class MailOutbox {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final MailProperties properties;

	MailOutbox(JdbcClient jdbc, Clock clock, MailProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** A claimed attempt: everything needed to send it. */
	record Attempt(UUID id, String to, String subject, String text, String html, int attempts, Instant createdAt) {
	}

	MailState enqueue(UUID organizationId, OutgoingMail mail) {
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO mail_outbox (id, organization_id, kind, mail_key, about_id, contact_id, recipient, language,
				                         subject, text_body, html_body, status, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) ON CONFLICT DO NOTHING""")
			.params(Ids.newId(), organizationId, mail.kind(), Text.cut(mail.key(), 400), mail.aboutId(),
					mail.contactId(), mail.to(), mail.language(), Text.cut(oneLine(mail.letter().subject()), 400),
					mail.letter().text(), mail.letter().html(), SqlTime.of(now), SqlTime.of(now))
			.update();
		return jdbc.sql("SELECT * FROM mail_outbox WHERE organization_id = ? AND mail_key = ?")
			.params(organizationId, Text.cut(mail.key(), 400))
			.query(MailOutbox::map)
			.single();
	}

	List<MailState> about(UUID organizationId, UUID aboutId) {
		return jdbc.sql("SELECT * FROM mail_outbox WHERE organization_id = ? AND about_id = ? ORDER BY created_at, id")
			.params(organizationId, aboutId)
			.query(MailOutbox::map)
			.list();
	}

	/** The latest mails whose key starts so (a group's alerts), newest first; the prefix is ours, with no wildcards. */
	List<MailState> latest(UUID organizationId, String keyPrefix, int limit) {
		return jdbc.sql("""
				SELECT * FROM mail_outbox WHERE organization_id = ? AND mail_key LIKE ?
				ORDER BY created_at DESC, id LIMIT ?""")
			.params(organizationId, keyPrefix + "%", limit)
			.query(MailOutbox::map)
			.list();
	}

	/** How many mails of a kind were queued for a customer since then (a limit that holds across nodes). */
	int queuedFor(UUID organizationId, UUID contactId, String kind, Instant since) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM mail_outbox
				WHERE organization_id = ? AND contact_id = ? AND kind = ? AND created_at > ?""")
			.params(organizationId, contactId, kind, SqlTime.of(since))
			.query(Integer.class)
			.single();
	}

	List<UUID> due(int limit) {
		Instant now = clock.instant();
		return jdbc.sql("""
				SELECT id FROM mail_outbox
				WHERE status = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
				ORDER BY next_attempt_at LIMIT ?""")
			.params(SqlTime.of(now), SqlTime.of(now), limit)
			.query(UUID.class)
			.list();
	}

	/** The attempts this node now owns among these mails; others' leases are respected. */
	List<Attempt> claim(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		UUID round = UUID.randomUUID();
		int claimed = jdbc.sql("""
				UPDATE mail_outbox SET lease_until = :until, lease_owner = :round, attempts = attempts + 1
				WHERE id IN (:ids) AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < :now)""")
			.param("until", SqlTime.of(now.plus(properties.lease())))
			.param("round", round)
			.param("ids", ids)
			.param("now", SqlTime.of(now))
			.update();
		if (claimed == 0) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, recipient, subject, text_body, html_body, attempts, created_at FROM mail_outbox
				WHERE id IN (:ids) AND lease_owner = :round AND status = 'PENDING'""")
			.param("ids", ids)
			.param("round", round)
			.query((rs, row) -> new Attempt(rs.getObject("id", UUID.class), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"), rs.getInt("attempts"),
					SqlTime.read(rs, "created_at")))
			.list();
	}

	void sent(Attempt attempt) {
		jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENT', sent_at = ?, last_error = NULL, lease_until = NULL
				WHERE id = ?""")
			.params(SqlTime.of(clock.instant()), attempt.id())
			.update();
	}

	/**
	 * Tried again after an exponential, jittered wait while {@code retryFor} has not passed since it was queued; a
	 * permanent refusal (the server said the address does not exist) gives up at once.
	 */
	void failed(Attempt attempt, String error, boolean permanent) {
		Instant now = clock.instant();
		boolean givingUp = permanent || !now.isBefore(attempt.createdAt().plus(properties.retryFor()));
		jdbc.sql("""
				UPDATE mail_outbox SET status = ?, next_attempt_at = ?, last_error = ?, lease_until = NULL
				WHERE id = ?""")
			.params(givingUp ? MailState.FAILED : MailState.PENDING, SqlTime.of(now.plus(backoff(attempt.attempts()))),
					Text.cut(error, 1000), attempt.id())
			.update();
	}

	/** base * 2^(attempts-1), at most the cap, then between 80% and 120% of that so retries of many spread out. */
	Duration backoff(int attempts) {
		long base = properties.retryBase().toMillis();
		long wait = Math.min(properties.retryCap().toMillis(), base << Math.min(Math.max(attempts - 1, 0), 30));
		return Duration.ofMillis((long) (wait * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
	}

	/** A subject is one line: a customer's text with a line break would otherwise end the header. */
	private static String oneLine(String subject) {
		return subject.replaceAll("[\\r\\n\\t]+", " ").strip();
	}

	private static MailState map(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		return new MailState(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("mail_key"),
				rs.getString("recipient"), status, rs.getInt("attempts"), rs.getString("last_error"),
				MailState.PENDING.equals(status) ? SqlTime.read(rs, "next_attempt_at") : null,
				SqlTime.read(rs, "created_at"), SqlTime.read(rs, "sent_at"));
	}
}
