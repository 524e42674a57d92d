package dev.kefu.channel.wechat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.shared.SqlTime;

/**
 * What the channel knows of each follower (openid) that WeChat's rules for replies depend on: when they last wrote or
 * acted (replies are allowed for 48 hours after) and whether they unfollowed the account.
 */
@Component
class Followers {

	private final JdbcClient jdbc;

	Followers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Follower(@Nullable Instant lastMessageAt, @Nullable Instant unsubscribedAt) {
	}

	/** The follower wrote or acted (a message, following, a menu click): the 48-hour window opens again. */
	void wrote(ChannelInstance channel, String openid, Instant at) {
		upsert(channel, openid);
		// A late retry of an older message moves nothing back; following again after unfollowing clears it.
		jdbc.sql("""
				UPDATE wechat_follower
				SET last_message_at = CASE WHEN last_message_at IS NULL OR last_message_at < :at THEN :at
				                           ELSE last_message_at END,
				    unsubscribed_at = CASE WHEN unsubscribed_at <= :at THEN NULL ELSE unsubscribed_at END
				WHERE channel_id = :channel AND openid = :openid""")
			.param("at", SqlTime.of(at))
			.param("channel", channel.id())
			.param("openid", openid)
			.update();
	}

	void unsubscribed(ChannelInstance channel, String openid, Instant at) {
		upsert(channel, openid);
		jdbc.sql("UPDATE wechat_follower SET unsubscribed_at = ? WHERE channel_id = ? AND openid = ?")
			.params(SqlTime.of(at), channel.id(), openid)
			.update();
	}

	Optional<Follower> find(UUID channelId, String openid) {
		return jdbc.sql("SELECT last_message_at, unsubscribed_at FROM wechat_follower WHERE channel_id = ? AND openid = ?")
			.params(channelId, openid)
			.query((rs, row) -> new Follower(SqlTime.read(rs, "last_message_at"), SqlTime.read(rs, "unsubscribed_at")))
			.optional();
	}

	void forget(UUID channelId) {
		jdbc.sql("DELETE FROM wechat_follower WHERE channel_id = ?").param(channelId).update();
	}

	private void upsert(ChannelInstance channel, String openid) {
		jdbc.sql("""
				INSERT INTO wechat_follower (channel_id, openid, organization_id) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(channel.id(), openid, channel.organizationId())
			.update();
	}
}
