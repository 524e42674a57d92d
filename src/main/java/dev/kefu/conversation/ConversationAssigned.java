package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

/** An agent took a queued conversation. */
public record ConversationAssigned(UUID organizationId, UUID conversationId, UUID contactId, UUID groupId,
		UUID agentId, String agentName, Instant at) implements ConversationEvents {
}
