package dev.kefu.channel.wechat;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.privacy.Masking;
import dev.kefu.shared.SqlTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Followers' messages that came while nobody could take a chat. A bridge can send again later and a mailbox keeps its
 * mail, but WeChat sends a message three times in 15 seconds and then never again: so it is held here, in the
 * database (any node may take it in later), until someone can answer it.
 */
@Component
class HeldMessages {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final Masking masking;

	HeldMessages(JdbcClient jdbc, JsonMapper json, Clock clock, Masking masking) {
		this.masking = masking;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	record Held(UUID channelId, String key, Map<String, String> fields) {
	}

	/**
	 * Holds the message; holding it again (WeChat's own resend) changes nothing. Its text is held masked, as it will
	 * be stored: the clear number is never kept, whatever the organization's masking mode.
	 */
	void hold(ChannelInstance channel, String key, Map<String, String> received) {
		Map<String, String> fields = new HashMap<>(received);
		fields.computeIfPresent("Content", (name, text) -> masking.mask(channel.organizationId(), text).text());
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO wechat_held_message (channel_id, message_key, organization_id, fields, created_at, tried_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(channel.id(), key, channel.organizationId(), json.writeValueAsString(fields), SqlTime.of(now),
					SqlTime.of(now))
			.update();
	}

	/** The messages held longest since they were last tried, oldest first within a channel. */
	List<Held> due(int limit) {
		return jdbc.sql("""
				SELECT channel_id, message_key, fields FROM wechat_held_message
				ORDER BY tried_at, created_at LIMIT ?""")
			.param(limit)
			.query((rs, row) -> new Held(rs.getObject(1, UUID.class), rs.getString(2),
					json.readValue(rs.getString(3), new TypeReference<Map<String, String>>() {
					})))
			.list();
	}

	void tried(Held held) {
		jdbc.sql("UPDATE wechat_held_message SET tried_at = ? WHERE channel_id = ? AND message_key = ?")
			.params(SqlTime.of(clock.instant()), held.channelId(), held.key())
			.update();
	}

	void taken(UUID channelId, String key) {
		jdbc.sql("DELETE FROM wechat_held_message WHERE channel_id = ? AND message_key = ?")
			.params(channelId, key)
			.update();
	}

	void forget(UUID channelId) {
		jdbc.sql("DELETE FROM wechat_held_message WHERE channel_id = ?").param(channelId).update();
	}
}
