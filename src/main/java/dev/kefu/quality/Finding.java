package dev.kefu.quality;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an inspection rule found in a closed conversation: about one message ({@code messageId}, {@code seq}) or, with
 * those null, the whole conversation.
 */
record Finding(UUID id, UUID organizationId, UUID conversationId, UUID agentId, String rule, @Nullable UUID messageId,
		@Nullable Long seq, String detail, Instant foundAt) {
}
