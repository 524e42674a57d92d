package dev.kefu.realtime;

import java.time.Instant;
import java.util.UUID;

/** A supervisor began following a conversation live, read-only (the {@code watch} frame). */
public record ConversationWatched(UUID organizationId, UUID conversationId, UUID supervisorId, String supervisorName,
		Instant at) {
}
