package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

/** An internal note on a conversation: staff only, never shown to the customer. */
public record Note(UUID id, UUID conversationId, UUID authorId, String authorName, String text, Instant createdAt) {
}
