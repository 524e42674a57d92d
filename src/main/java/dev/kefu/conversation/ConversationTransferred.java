package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An assigned conversation moved straight from one agent to another. */
public record ConversationTransferred(UUID organizationId, UUID conversationId, UUID contactId, UUID groupId,
		UUID fromAgentId, UUID toAgentId, String toAgentName, @Nullable String note, Instant at)
		implements ConversationEvents {
}
