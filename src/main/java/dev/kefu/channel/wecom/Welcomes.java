package dev.kefu.channel.wecom;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.SqlTime;

/**
 * The welcome codes of customers who just opened the chat window: WeCom lets the company greet them once, within
 * 20 seconds, though they have written nothing yet. Stored, because the greeting may be sent by another node.
 */
@Component
class Welcomes {

	/** WeCom's 20 seconds, less a margin for the trip there. */
	static final Duration FRESH = Duration.ofSeconds(18);

	private final JdbcClient jdbc;
	private final Clock clock;

	Welcomes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void entered(UUID channel, String customer, String code) {
		jdbc.sql("DELETE FROM wecom_kf_welcome WHERE channel_id = ? AND external_userid = ?")
			.params(channel, customer)
			.update();
		jdbc.sql("""
				INSERT INTO wecom_kf_welcome (channel_id, external_userid, welcome_code, expires_at)
				VALUES (?, ?, ?, ?)""")
			.params(channel, customer, code, SqlTime.of(clock.instant().plus(FRESH)))
			.update();
	}

	/** The customer's fresh welcome code, used up by taking it (a code works once). */
	Optional<String> take(UUID channel, String customer) {
		Optional<String> code = jdbc.sql("""
				SELECT welcome_code FROM wecom_kf_welcome WHERE channel_id = ? AND external_userid = ? AND expires_at > ?""")
			.params(channel, customer, SqlTime.of(clock.instant()))
			.query(String.class)
			.optional();
		boolean mine = jdbc.sql("DELETE FROM wecom_kf_welcome WHERE channel_id = ? AND external_userid = ?")
			.params(channel, customer)
			.update() == 1;
		return mine ? code : Optional.empty();
	}

	void forget(UUID channel) {
		jdbc.sql("DELETE FROM wecom_kf_welcome WHERE channel_id = ?").param(channel).update();
	}
}
