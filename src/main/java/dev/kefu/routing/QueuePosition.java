package dev.kefu.routing;

import java.time.Instant;
import java.util.UUID;

/** A waiting conversation's place in its queue (1 = next) and an estimate of the wait. */
public record QueuePosition(UUID conversationId, UUID contactId, UUID groupId, int position, Instant queuedAt,
		long estimatedWaitSeconds) {
}
