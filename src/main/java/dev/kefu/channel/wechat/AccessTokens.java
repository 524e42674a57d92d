package dev.kefu.channel.wechat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.SqlTime;

/**
 * Each channel's access token, kept in the database so every node uses the same one. WeChat's tokens live two hours
 * and a new one retires the old within minutes, so refreshing is one node's job at a time: it takes a lease on the
 * channel's row with a conditional update (only one update wins), asks WeChat, and stores the answer; the other nodes
 * wait for it. Tokens are refreshed {@link #EARLY} before they expire, and at once when WeChat says one expired.
 */
@Component
class AccessTokens {

	static final Duration EARLY = Duration.ofMinutes(5);

	/** How long a node may take to refresh before another may try: a crashed node holds no lease for long. */
	static final Duration LEASE = Duration.ofSeconds(30);

	/** How long a caller waits for another node's refresh before giving up (the send queue retries later). */
	private static final Duration WAIT = Duration.ofSeconds(10);

	private final JdbcClient jdbc;
	private final WechatApi api;
	private final Clock clock;

	AccessTokens(JdbcClient jdbc, WechatApi api, Clock clock) {
		this.jdbc = jdbc;
		this.api = api;
		this.clock = clock;
	}

	private record Stored(@Nullable String token, @Nullable Instant expiresAt) {
	}

	/** A token for the channel that is good for a while yet, fetched from WeChat if none is. */
	String current(UUID channelId, WechatSettings settings) throws IOException, InterruptedException {
		long giveUpAt = System.nanoTime() + WAIT.toNanos();
		while (true) {
			Instant now = clock.instant();
			Optional<Stored> stored = read(channelId);
			if (stored.isPresent() && fresh(stored.get(), now)) {
				return stored.get().token();
			}
			if (claim(channelId, now)) {
				return refresh(channelId, settings, now);
			}
			if (System.nanoTime() > giveUpAt) {
				throw new IOException("another node has been refreshing WeChat's access token for over "
						+ WAIT.toSeconds() + " s");
			}
			Thread.sleep(100);
		}
	}

	/** WeChat said this token is no longer valid: the next {@link #current} fetches a new one (unless one has been). */
	void expired(UUID channelId, String token) {
		jdbc.sql("UPDATE wechat_access_token SET expires_at = NULL WHERE channel_id = ? AND token = ?")
			.params(channelId, token)
			.update();
	}

	void forget(UUID channelId) {
		jdbc.sql("DELETE FROM wechat_access_token WHERE channel_id = ?").param(channelId).update();
	}

	private String refresh(UUID channelId, WechatSettings settings, Instant now)
			throws IOException, InterruptedException {
		boolean stored = false;
		try {
			WechatApi.Token token = api.token(settings.apiBase(), settings.appId(), settings.appSecret());
			jdbc.sql("""
					UPDATE wechat_access_token SET token = ?, expires_at = ?, refreshing_until = NULL
					WHERE channel_id = ?""")
				.params(token.value(), SqlTime.of(now.plusSeconds(token.expiresInSeconds())), channelId)
				.update();
			stored = true;
			return token.value();
		}
		finally {
			if (!stored) {
				jdbc.sql("UPDATE wechat_access_token SET refreshing_until = NULL WHERE channel_id = ?")
					.param(channelId)
					.update();
			}
		}
	}

	/**
	 * Takes the lease to refresh the token, if no other node holds it and the token still needs refreshing (another
	 * node may have refreshed it since it was read). Exactly one of several nodes trying at once gets it.
	 */
	private boolean claim(UUID channelId, Instant now) {
		jdbc.sql("INSERT INTO wechat_access_token (channel_id) VALUES (?) ON CONFLICT DO NOTHING")
			.param(channelId)
			.update();
		return jdbc.sql("""
				UPDATE wechat_access_token SET refreshing_until = :leaseEnd
				WHERE channel_id = :channel AND (refreshing_until IS NULL OR refreshing_until < :now)
				  AND (token IS NULL OR expires_at IS NULL OR expires_at <= :freshUntil)""")
			.param("leaseEnd", SqlTime.of(now.plus(LEASE)))
			.param("channel", channelId)
			.param("now", SqlTime.of(now))
			.param("freshUntil", SqlTime.of(now.plus(EARLY)))
			.update() == 1;
	}

	private Optional<Stored> read(UUID channelId) {
		return jdbc.sql("SELECT token, expires_at FROM wechat_access_token WHERE channel_id = ?")
			.param(channelId)
			.query((rs, row) -> new Stored(rs.getString("token"), SqlTime.read(rs, "expires_at")))
			.optional();
	}

	private static boolean fresh(Stored stored, Instant now) {
		return stored.token() != null && stored.expiresAt() != null && stored.expiresAt().isAfter(now.plus(EARLY));
	}
}
