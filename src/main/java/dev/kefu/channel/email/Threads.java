package dev.kefu.channel.email;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.privacy.Masking;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.Text;

/**
 * The mail threads of e-mail conversations: the customer's address, the subject and Reply-To token of each
 * conversation, and the Message-IDs of every mail in it, received or sent. A customer's reply finds its conversation
 * by the ids it answers, or by the token of the address it went to.
 */
@Component
class Threads {

	private final JdbcClient jdbc;
	private final Clock clock;

	private final Masking masking;

	Threads(JdbcClient jdbc, Clock clock, Masking masking) {
		this.masking = masking;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Thread(UUID conversationId, String customer, String subject, String token) {
	}

	/** The thread of the first of these Message-IDs Kefu knows. */
	Optional<Thread> answered(UUID channelId, List<String> messageIds) {
		for (String id : messageIds) {
			Optional<Thread> thread = jdbc.sql("""
					SELECT t.conversation_id, t.customer, t.subject, t.token
					FROM email_mail m JOIN email_conversation t
					  ON t.channel_id = m.channel_id AND t.conversation_id = m.conversation_id
					WHERE m.channel_id = ? AND m.message_id = ?""")
				.params(channelId, id)
				.query(Threads::map)
				.optional();
			if (thread.isPresent()) {
				return thread;
			}
		}
		return Optional.empty();
	}

	Optional<Thread> byToken(UUID channelId, String token) {
		return jdbc.sql("""
				SELECT conversation_id, customer, subject, token FROM email_conversation WHERE channel_id = ? AND token = ?""")
			.params(channelId, token)
			.query(Threads::map)
			.optional();
	}

	/** The customer's latest thread, if it has this subject ("Re: " and the like aside; stored masked). */
	Optional<Thread> latest(UUID channelId, UUID organizationId, String customer, String subject) {
		String stored = subject(organizationId, subject);
		return jdbc.sql("""
				SELECT conversation_id, customer, subject, token FROM email_conversation
				WHERE channel_id = ? AND customer = ? ORDER BY created_at DESC LIMIT 1""")
			.params(channelId, customer)
			.query(Threads::map)
			.optional()
			.filter(t -> t.subject().equalsIgnoreCase(stored));
	}

	/** A subject as it is kept: card and ID numbers in it masked, like the messages of the thread. */
	private String subject(UUID organizationId, String subject) {
		return masking.mask(organizationId, OutgoingMail.subjectOf(subject)).text();
	}

	Optional<Thread> of(UUID channelId, UUID conversationId) {
		return jdbc.sql("""
				SELECT conversation_id, customer, subject, token FROM email_conversation
				WHERE channel_id = ? AND conversation_id = ?""")
			.params(channelId, conversationId)
			.query(Threads::map)
			.optional();
	}

	/** The conversation's thread, made on its first mail; a conversation keeps its first subject and token. */
	Thread open(UUID channelId, UUID organizationId, UUID conversationId, String customer, String subject) {
		jdbc.sql("""
				INSERT INTO email_conversation (channel_id, conversation_id, organization_id, customer, subject, token,
				                                created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(channelId, conversationId, organizationId, Text.cut(customer, 320),
					Text.cut(subject(organizationId, subject), 1000), ReplyToken.newToken(), SqlTime.of(clock.instant()))
			.update();
		return of(channelId, conversationId).orElseThrow();
	}

	/** A mail of the conversation, received or sent; recorded once. */
	void add(UUID channelId, UUID organizationId, UUID conversationId, String messageId, boolean sent) {
		jdbc.sql("""
				INSERT INTO email_mail (channel_id, message_id, organization_id, conversation_id, sent, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(channelId, Text.cut(messageId, 500), organizationId, conversationId, sent,
					SqlTime.of(clock.instant()))
			.update();
	}

	/** The thread's Message-IDs, oldest first, the last customer's mail last: a reply's References. */
	List<String> references(UUID channelId, UUID conversationId) {
		List<String> all = jdbc.sql("""
				SELECT message_id, sent FROM email_mail WHERE channel_id = ? AND conversation_id = ?
				ORDER BY created_at, message_id""")
			.params(channelId, conversationId)
			.query((rs, row) -> (rs.getBoolean(2) ? "S" : "R") + rs.getString(1))
			.list();
		// The first mail and the last 18: References stays short, and the chain still starts at the thread's root.
		List<String> ids = all.size() <= 19 ? all
				: java.util.stream.Stream.concat(all.stream().limit(1), all.stream().skip(all.size() - 18)).toList();
		String lastReceived = null;
		for (String id : ids) {
			if (id.startsWith("R")) {
				lastReceived = id;
			}
		}
		java.util.List<String> ordered = new java.util.ArrayList<>();
		for (String id : ids) {
			if (!id.equals(lastReceived)) {
				ordered.add(id.substring(1));
			}
		}
		if (lastReceived != null) {
			ordered.add(lastReceived.substring(1));
		}
		return ordered;
	}

	void forget(UUID channelId) {
		jdbc.sql("DELETE FROM email_mail WHERE channel_id = ?").param(channelId).update();
		jdbc.sql("DELETE FROM email_conversation WHERE channel_id = ?").param(channelId).update();
	}

	private static Thread map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Thread(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4));
	}
}
