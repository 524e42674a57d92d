package dev.kefu.realtime;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor began following a conversation live, read-only (the {@code watch} frame), from {@code sourceAddress}
 * when the connection knows it.
 */
public record ConversationWatched(UUID organizationId, UUID conversationId, UUID supervisorId, String supervisorName,
		Instant at, @Nullable String sourceAddress) {

	public ConversationWatched(UUID organizationId, UUID conversationId, UUID supervisorId, String supervisorName,
			Instant at) {
		this(organizationId, conversationId, supervisorId, supervisorName, at, null);
	}
}
