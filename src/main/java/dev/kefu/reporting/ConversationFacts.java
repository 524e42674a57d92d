package dev.kefu.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kefu.shared.SqlTime;

/** The stored facts of ended conversations, one row each (table {@code report_conversation}). */
@Repository
class ConversationFacts {

	private final JdbcClient jdbc;

	ConversationFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A fact, where it falls in the organization's calendar and structure, and how it was classified: the disposition
	 * code it was closed with and its tags.
	 */
	record Placed(ConversationFact fact, LocalDate startedDay, @Nullable UUID centerId, @Nullable UUID dispositionId,
			Set<UUID> tagIds) {

		Placed(ConversationFact fact, LocalDate startedDay, @Nullable UUID centerId) {
			this(fact, startedDay, centerId, null, Set.of());
		}
	}

	/**
	 * Stores the fact of a conversation, replacing an earlier one. Events about the same conversation (closed, rated,
	 * summary saved) may be handled at once on two nodes, each measuring what it read: the first to insert wins the
	 * row, and any other measures again ({@code again}) under the row's lock, so the last write always saw every
	 * change before it.
	 */
	void save(Placed first, Supplier<Placed> again) {
		Placed written = first;
		if (!insert(first)) {
			jdbc.sql("SELECT conversation_id FROM report_conversation WHERE conversation_id = ? FOR UPDATE")
				.param(first.fact().conversationId())
				.query(UUID.class)
				.optional();
			written = again.get();
			update(written);
		}
		replaceTags(written);
	}

	/** One row per tag, under the fact's lock (or its fresh insert), so the tags match the fact written. */
	private void replaceTags(Placed placed) {
		UUID id = placed.fact().conversationId();
		jdbc.sql("DELETE FROM report_conversation_tag WHERE conversation_id = ?").param(id).update();
		for (UUID tagId : placed.tagIds()) {
			jdbc.sql("INSERT INTO report_conversation_tag (conversation_id, tag_id, organization_id) VALUES (?, ?, ?)")
				.params(id, tagId, placed.fact().organizationId())
				.update();
		}
	}

	private boolean insert(Placed placed) {
		return jdbc.sql("""
				INSERT INTO report_conversation (started_day, center_id, organization_id, started_at, ended_at, group_id,
				    agent_id, channel, assistant_served, assistant_resolved, handed_over, offered, answered, abandoned,
				    effective, transfers, wait_ms, first_response_ms, responses, response_ms, handle_ms,
				    after_chat_work_ms, customer_messages, agent_messages, rating, disposition_id, conversation_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(values(placed))
			.update() == 1;
	}

	private void update(Placed placed) {
		jdbc.sql("""
				UPDATE report_conversation SET started_day = ?, center_id = ?, organization_id = ?, started_at = ?,
				    ended_at = ?, group_id = ?, agent_id = ?, channel = ?, assistant_served = ?, assistant_resolved = ?,
				    handed_over = ?, offered = ?, answered = ?, abandoned = ?, effective = ?, transfers = ?, wait_ms = ?,
				    first_response_ms = ?, responses = ?, response_ms = ?, handle_ms = ?, after_chat_work_ms = ?,
				    customer_messages = ?, agent_messages = ?, rating = ?, disposition_id = ?
				WHERE conversation_id = ?""")
			.params(values(placed))
			.update();
	}

	private static Object[] values(Placed placed) {
		ConversationFact f = placed.fact();
		return new Object[] { placed.startedDay(), placed.centerId(), f.organizationId(), SqlTime.of(f.startedAt()),
				SqlTime.of(f.endedAt()), f.groupId(), f.agentId(), f.channel(), flag(f.assistantServed()),
				flag(f.assistantResolved()), flag(f.handedOver()), flag(f.offered()), flag(f.answered()),
				flag(f.abandoned()), flag(f.effective()), f.transfers(), millis(f.waitTime()),
				millis(f.firstResponseTime()), f.responses(), f.responseTime().toMillis(), millis(f.handleTime()),
				millis(f.afterChatWork()), f.customerMessages(), f.agentMessages(), f.rating(), placed.dispositionId(),
				f.conversationId() };
	}

	private static int flag(boolean value) {
		return value ? 1 : 0;
	}

	private static @Nullable Long millis(@Nullable Duration duration) {
		return duration == null ? null : duration.toMillis();
	}
}
