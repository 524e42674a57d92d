package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

/** The virtual assistant let go of a conversation: it now waits in {@code groupId}'s queue for a person. */
public record ConversationHandedOver(UUID organizationId, UUID conversationId, UUID contactId, UUID groupId,
		String reason, Instant at) implements ConversationEvents {
}
