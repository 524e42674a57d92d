package dev.kefu.channel.wecom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.SqlTime;

/**
 * The access token of each WeCom channel (its corp id and kf secret), kept in the database so all nodes share one:
 * WeCom limits how often a token may be fetched. One node at a time fetches a new one, holding a short lease on the
 * row (a conditional update), so the lease ends by itself if that node dies.
 */
@Component
class WecomAccessTokens {

	/** Fetched tokens are taken for stale this long before WeCom says they expire, so none dies in flight. */
	static final Duration MARGIN = Duration.ofMinutes(5);
	static final Duration REFRESH_LEASE = Duration.ofSeconds(30);

	private final JdbcClient jdbc;
	private final Clock clock;

	WecomAccessTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The shared token, if one is stored for these credentials and still fresh. */
	Optional<String> fresh(UUID channel, String credentials) {
		return jdbc.sql("""
				SELECT access_token FROM wecom_kf_token
				WHERE channel_id = ? AND credentials = ? AND access_token IS NOT NULL AND expires_at > ?""")
			.params(channel, credentials, SqlTime.of(clock.instant()))
			.query(String.class)
			.optional();
	}

	/** Whether this node may fetch a new token now (no other node is fetching one). */
	boolean takeRefresh(UUID channel, String credentials) {
		ensureRow(channel, credentials);
		Instant now = clock.instant();
		return jdbc.sql("""
				UPDATE wecom_kf_token SET refreshing_until = ?
				WHERE channel_id = ? AND (refreshing_until IS NULL OR refreshing_until < ?)""")
			.params(SqlTime.of(now.plus(REFRESH_LEASE)), channel, SqlTime.of(now))
			.update() == 1;
	}

	void store(UUID channel, String credentials, String token, int expiresInSeconds) {
		Duration life = Duration.ofSeconds(expiresInSeconds).minus(MARGIN);
		Instant expires = clock.instant().plus(life.isNegative() ? Duration.ofSeconds(expiresInSeconds / 2) : life);
		jdbc.sql("""
				UPDATE wecom_kf_token SET credentials = ?, access_token = ?, expires_at = ?, refreshing_until = NULL
				WHERE channel_id = ?""")
			.params(credentials, token, SqlTime.of(expires), channel)
			.update();
	}

	void releaseRefresh(UUID channel) {
		jdbc.sql("UPDATE wecom_kf_token SET refreshing_until = NULL WHERE channel_id = ?").param(channel).update();
	}

	/** WeCom refused this token (40014, 42001): stale for every node, unless one has stored a newer one. */
	void expire(UUID channel, String token) {
		jdbc.sql("UPDATE wecom_kf_token SET expires_at = NULL WHERE channel_id = ? AND access_token = ?")
			.params(channel, token)
			.update();
	}

	void forget(UUID channel) {
		jdbc.sql("DELETE FROM wecom_kf_token WHERE channel_id = ?").param(channel).update();
	}

	/** A row for the channel; new credentials (a changed secret) drop the token of the old ones. */
	private void ensureRow(UUID channel, String credentials) {
		int changed = jdbc.sql("""
				UPDATE wecom_kf_token SET credentials = ?, access_token = NULL, expires_at = NULL
				WHERE channel_id = ? AND credentials <> ?""")
			.params(credentials, channel, credentials)
			.update();
		if (changed == 0) {
			try {
				jdbc.sql("INSERT INTO wecom_kf_token (channel_id, credentials) VALUES (?, ?)")
					.params(channel, credentials)
					.update();
			}
			catch (DuplicateKeyException alreadyThere) {
				// Another node (or an earlier call) made it: the row is all that was wanted.
			}
		}
	}

	/** What identifies the credentials a token was fetched with, without storing the secret a second time. */
	static String credentials(String corpId, String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((corpId + "\n" + secret).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
