package dev.kefu.quality;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;

/**
 * The reviews. Every read is scoped to an organization. An appeal and its decision are each one conditional update,
 * so a second appeal, or a second decision, changes nothing and is told apart by its result.
 */
@Component
class Reviews {

	/** Which reviews a list shows: one agent's (null: everyone's), only those with an undecided appeal. */
	record Filter(@Nullable UUID agentId, boolean openAppealsOnly, int limit) {
	}

	private final JdbcClient jdbc;

	Reviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Review review) {
		jdbc.sql("""
				INSERT INTO quality_review (id, organization_id, task_id, conversation_id, agent_id, reviewer_id,
				                            rubric_id, rubric_name, summary, original_score, score, completed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(review.id(), review.organizationId(), review.taskId(), review.conversationId(), review.agentId(),
					review.reviewerId(), review.rubricId(), review.rubricName(), review.summary(),
					review.originalScore(), review.score(), SqlTime.of(review.completedAt()))
			.update();
		for (int i = 0; i < review.items().size(); i++) {
			Review.Points points = review.items().get(i);
			jdbc.sql("""
					INSERT INTO quality_review_score (review_id, item_id, position, name, weight, max_points, points)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(review.id(), points.itemId(), i, points.name(), points.weight(), points.maxPoints(),
						points.points())
				.update();
		}
		for (Review.Comment comment : review.comments()) {
			jdbc.sql("""
					INSERT INTO quality_review_comment (id, review_id, seq, text, author_id, created_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(comment.id(), review.id(), comment.seq(), comment.text(), comment.authorId(),
						SqlTime.of(comment.createdAt()))
				.update();
		}
	}

	/** Records the agent's appeal; false when the review was appealed already. */
	boolean appeal(UUID organizationId, UUID reviewId, String reason, Instant now) {
		return jdbc.sql("""
				UPDATE quality_review SET appeal_reason = ?, appealed_at = ?
				WHERE id = ? AND organization_id = ? AND appealed_at IS NULL""")
			.params(reason, SqlTime.of(now), reviewId, organizationId)
			.update() == 1;
	}

	/**
	 * Records a supervisor's decision on an undecided appeal, with the score that counts from now on; false when there
	 * is no appeal or it was decided already.
	 */
	boolean decide(UUID organizationId, UUID reviewId, Review.Decision decision, String comment, UUID decidedBy,
			BigDecimal score, Instant now) {
		return jdbc.sql("""
				UPDATE quality_review SET decision = ?, decision_comment = ?, decided_by = ?, decided_at = ?, score = ?
				WHERE id = ? AND organization_id = ? AND appealed_at IS NOT NULL AND decided_at IS NULL""")
			.params(decision.name(), comment, decidedBy, SqlTime.of(now), score, reviewId, organizationId)
			.update() == 1;
	}

	void revise(UUID reviewId, List<ScoredItem> revised) {
		for (ScoredItem item : revised) {
			jdbc.sql("UPDATE quality_review_score SET revised_points = ? WHERE review_id = ? AND item_id = ?")
				.params(item.points(), reviewId, item.item().id())
				.update();
		}
	}

	Optional<Review> find(UUID organizationId, UUID reviewId) {
		return withDetails(jdbc.sql("SELECT * FROM quality_review WHERE id = ? AND organization_id = ?")
			.params(reviewId, organizationId)
			.query(Reviews::map)
			.list()).stream().findFirst();
	}

	Review require(UUID organizationId, UUID reviewId) {
		return find(organizationId, reviewId).orElseThrow(() -> new ResourceNotFound("review", reviewId));
	}

	/** The newest first. */
	List<Review> search(UUID organizationId, Filter filter) {
		return withDetails(jdbc.sql("""
				SELECT * FROM quality_review
				WHERE organization_id = :org
				  AND (CAST(:agent AS UUID) IS NULL OR agent_id = :agent)
				  AND (:openAppeals = FALSE OR (appealed_at IS NOT NULL AND decided_at IS NULL))
				ORDER BY completed_at DESC, id LIMIT :limit""")
			.param("org", organizationId)
			.param("agent", filter.agentId())
			.param("openAppeals", filter.openAppealsOnly())
			.param("limit", filter.limit())
			.query(Reviews::map)
			.list());
	}

	/** The reviews with their points and comments, read for all of them at once. */
	private List<Review> withDetails(List<Review> reviews) {
		if (reviews.isEmpty()) {
			return reviews;
		}
		List<UUID> ids = reviews.stream().map(Review::id).toList();
		Map<UUID, List<Review.Points>> points = jdbc.sql("""
				SELECT * FROM quality_review_score WHERE review_id IN (:ids) ORDER BY review_id, position""")
			.param("ids", ids)
			.query((rs, row) -> Map.entry(rs.getObject("review_id", UUID.class),
					new Review.Points(rs.getObject("item_id", UUID.class), rs.getString("name"), rs.getInt("weight"),
							rs.getInt("max_points"), rs.getInt("points"), rs.getObject("revised_points", Integer.class))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Map<UUID, List<Review.Comment>> comments = jdbc.sql("""
				SELECT * FROM quality_review_comment WHERE review_id IN (:ids) ORDER BY review_id, seq, created_at, id""")
			.param("ids", ids)
			.query((rs, row) -> Map.entry(rs.getObject("review_id", UUID.class),
					new Review.Comment(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("text"),
							rs.getObject("author_id", UUID.class), SqlTime.read(rs, "created_at"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return reviews.stream()
			.map(r -> new Review(r.id(), r.organizationId(), r.taskId(), r.conversationId(), r.agentId(),
					r.reviewerId(), r.rubricId(), r.rubricName(), r.summary(), r.originalScore(), r.score(),
					r.completedAt(), points.getOrDefault(r.id(), List.of()), comments.getOrDefault(r.id(), List.of()),
					r.appeal()))
			.toList();
	}

	private static Review map(ResultSet rs, int row) throws SQLException {
		String appealReason = rs.getString("appeal_reason");
		String decision = rs.getString("decision");
		Review.Appeal appeal = appealReason == null ? null
				: new Review.Appeal(appealReason, SqlTime.read(rs, "appealed_at"),
						decision == null ? null : Review.Decision.valueOf(decision), rs.getString("decision_comment"),
						rs.getObject("decided_by", UUID.class), SqlTime.read(rs, "decided_at"));
		return new Review(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getObject("task_id", UUID.class), rs.getObject("conversation_id", UUID.class),
				rs.getObject("agent_id", UUID.class), rs.getObject("reviewer_id", UUID.class),
				rs.getObject("rubric_id", UUID.class), rs.getString("rubric_name"), rs.getString("summary"),
				rs.getBigDecimal("original_score"), rs.getBigDecimal("score"), SqlTime.read(rs, "completed_at"),
				List.of(), List.of(), appeal);
	}
}
