package dev.kefu.reporting;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kefu.quality.ReviewCompleted;

/** QA reviews' scores as the reports count them (table {@code report_review}): the latest score of each review. */
@Repository
class ReviewFacts {

	private final JdbcClient jdbc;

	ReviewFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the review's score unless a later one is stored already (events may be handled out of order). */
	void scored(ReviewCompleted review, LocalDate day, UUID groupId, @Nullable UUID centerId, String channel) {
		Object[] values = { day, review.conversationId(), centerId, groupId, review.agentId(), channel, review.score(),
				review.at().toEpochMilli(), review.reviewId() };
		int inserted = jdbc.sql("""
				INSERT INTO report_review (reviewed_day, conversation_id, center_id, group_id, agent_id, channel, score,
				                           reviewed_epoch_ms, review_id, organization_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(append(values, review.organizationId()))
			.update();
		if (inserted == 0) {
			jdbc.sql("""
					UPDATE report_review SET reviewed_day = ?, conversation_id = ?, center_id = ?, group_id = ?,
					    agent_id = ?, channel = ?, score = ?, reviewed_epoch_ms = ?
					WHERE review_id = ? AND reviewed_epoch_ms <= ?""")
				.params(append(values, review.at().toEpochMilli()))
				.update();
		}
	}

	private static Object[] append(Object[] values, Object last) {
		Object[] all = Arrays.copyOf(values, values.length + 1);
		all[values.length] = last;
		return all;
	}
}
