package dev.kefu.quality;

import java.time.Instant;
import java.util.UUID;

/**
 * An inspector completed the review of an agent's conversation with a score of 0-100 (one decimal). A supervisor who
 * revises the score on appeal publishes it again for the same review with the new score: per {@code reviewId}, the
 * latest one wins.
 */
public record ReviewCompleted(UUID organizationId, UUID conversationId, UUID reviewId, UUID agentId, double score,
		Instant at) {
}
