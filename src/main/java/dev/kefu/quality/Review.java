package dev.kefu.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An inspector's scored review of one agent's conversation, with remarks on single messages and, at most once, the
 * agent's appeal and a supervisor's decision on it. {@code score} is the one that counts: {@code originalScore} until
 * an appeal is decided with a revision.
 */
record Review(UUID id, UUID organizationId, UUID taskId, UUID conversationId, UUID agentId, UUID reviewerId,
		UUID rubricId, String rubricName, @Nullable String summary, BigDecimal originalScore, BigDecimal score,
		Instant completedAt, List<Points> items, List<Comment> comments, @Nullable Appeal appeal) {

	/** The points of one rubric item as it was when scored; {@code revisedPoints} after a revising decision. */
	record Points(UUID itemId, String name, int weight, int maxPoints, int points, @Nullable Integer revisedPoints) {

		Rubric.Item item() {
			return new Rubric.Item(itemId, name, weight, maxPoints);
		}
	}

	/** An inspector's remark on the message with this seq. */
	record Comment(UUID id, long seq, String text, UUID authorId, Instant createdAt) {
	}

	/** The agent's appeal; the decision fields stay null until a supervisor decides it. */
	record Appeal(String reason, Instant appealedAt, @Nullable Decision decision, @Nullable String decisionComment,
			@Nullable UUID decidedBy, @Nullable Instant decidedAt) {
	}

	enum Decision {
		/** The score stands. */
		UPHELD,
		/** New points per item give a new score. */
		REVISED
	}
}
