package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A conversation as the rest of Kefu sees it. {@code channel} is the provider it came through ({@code web},
 * {@code api}, ...), what reports split by; {@code channelId} the channel instance, where replies go out (null for
 * chats older than channels, all of them web chats).
 */
public record Conversation(UUID id, UUID organizationId, UUID contactId, String channel, UUID groupId,
		ConversationState state, @Nullable UUID agentId, long lastSeq, Instant createdAt, @Nullable Instant queuedAt,
		@Nullable Instant assignedAt, @Nullable Instant firstResponseAt, @Nullable Instant awaitingReplySince,
		@Nullable Instant lastMessageAt, @Nullable String lastMessagePreview, @Nullable Instant closedAt,
		@Nullable String closedBy, @Nullable String closeReason, @Nullable String summary, @Nullable Instant summaryAt,
		@Nullable Integer rating, @Nullable String ratingComment, @Nullable Instant ratedAt, long contactReadSeq,
		long agentReadSeq, @Nullable UUID channelId) {

	/** Messages the assigned agent has not yet seen. */
	public long unreadForAgent() {
		return Math.max(0, lastSeq - agentReadSeq);
	}

	/** Messages the contact has not yet seen. */
	public long unreadForContact() {
		return Math.max(0, lastSeq - contactReadSeq);
	}
}
