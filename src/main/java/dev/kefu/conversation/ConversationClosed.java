package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A conversation ended: {@code CLOSED}, or {@code ABANDONED} when the customer left before any agent took it. */
public record ConversationClosed(UUID organizationId, UUID conversationId, UUID contactId, UUID groupId,
		@Nullable UUID agentId, ConversationState state, String reason, Instant at) implements ConversationEvents {
}
