package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

/** The agent saved the after-chat summary; ends after-chat work. */
public record SummarySaved(UUID organizationId, UUID conversationId, UUID contactId, UUID agentId, Instant at)
		implements ConversationEvents {
}
