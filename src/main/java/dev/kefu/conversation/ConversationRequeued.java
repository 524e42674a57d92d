package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An assigned conversation went back to a queue: transferred to a group ({@code reason = "transfer"}) or taken from
 * an agent who stayed offline ({@code "agent-offline"}).
 */
public record ConversationRequeued(UUID organizationId, UUID conversationId, UUID contactId, UUID groupId,
		UUID previousAgentId, String reason, @Nullable String note, Instant queuedAt, Instant at)
		implements ConversationEvents {
}
