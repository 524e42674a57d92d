package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A conversation ended: {@code CLOSED}, or {@code ABANDONED} when the customer left before any agent took it.
 * {@code dispositionId} is the disposition code a staff member chose at the close, if any.
 */
public record ConversationClosed(UUID organizationId, UUID conversationId, UUID contactId, UUID groupId,
		@Nullable UUID agentId, ConversationState state, String reason, @Nullable UUID dispositionId, Instant at) implements ConversationEvents {
}
