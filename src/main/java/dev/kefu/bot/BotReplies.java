package dev.kefu.bot;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.kefu.shared.Ids;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.Text;

/** Every reply the assistant gave, with the question it answered: for ratings, knowledge gaps and the bot KPIs. */
@Service
class BotReplies {

	enum Kind {
		ANSWER, CHOICES, MISS, HANDOVER, LEAVE_MESSAGE
	}

	record Reply(UUID conversationId, UUID groupId, @Nullable Long seq, String question, Kind kind,
			@Nullable String reason, @Nullable UUID articleId, @Nullable Double confidence) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	BotReplies(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(UUID organizationId, Reply reply) {
		jdbc.sql("""
				INSERT INTO bot_reply (id, organization_id, conversation_id, group_id, seq, question, kind, reason,
				                       article_id, confidence, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Ids.newId(), organizationId, reply.conversationId(), reply.groupId(), reply.seq(),
					Text.cut(reply.question(), 5000),
					reply.kind().name(), reply.reason(), reply.articleId(), reply.confidence(), SqlTime.of(clock.instant()))
			.update();
	}

	/** How many replies in a row, up to now, did not answer the customer. */
	int missesInARow(UUID conversationId) {
		List<String> kinds = jdbc.sql("SELECT kind FROM bot_reply WHERE conversation_id = ? ORDER BY created_at DESC LIMIT 5")
			.param(conversationId)
			.query(String.class)
			.list();
		int misses = 0;
		for (String kind : kinds) {
			if (!kind.equals(Kind.CHOICES.name()) && !kind.equals(Kind.MISS.name())) {
				break;
			}
			misses++;
		}
		return misses;
	}

	/**
	 * What customers asked that the assistant could not answer since {@code since}: questions it missed or was
	 * unsure of, and those that made it give up (not the requests for a person, which ask nothing).
	 */
	List<String> unanswered(UUID organizationId, java.time.Instant since, int limit) {
		return jdbc.sql("""
				SELECT question FROM bot_reply
				WHERE organization_id = ? AND created_at >= ?
				  AND (kind IN ('MISS', 'CHOICES') OR (kind = 'HANDOVER' AND reason IN ('cannot-answer', 'repeated-misses')))
				ORDER BY created_at DESC LIMIT ?""")
			.params(organizationId, SqlTime.of(since), limit)
			.query(String.class)
			.list();
	}

	/** The customer's verdict on an answer; only answers can be rated, once or changed. */
	void rate(UUID organizationId, UUID conversationId, long seq, boolean helpful) {
		int rated = jdbc.sql("""
				UPDATE bot_reply SET helpful = ?
				WHERE organization_id = ? AND conversation_id = ? AND seq = ? AND kind = 'ANSWER'""")
			.params(helpful, organizationId, conversationId, seq)
			.update();
		if (rated == 0) {
			throw new ResourceNotFound("assistant answer", conversationId + "/" + seq);
		}
	}
}
