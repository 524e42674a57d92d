package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The customer rated the conversation 1-5. */
public record ConversationRated(UUID organizationId, UUID conversationId, UUID contactId, @Nullable UUID agentId,
		int rating, @Nullable String comment, Instant at) implements ConversationEvents {
}
