package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * An internal note on a conversation: staff only, never shown to the customer. A {@code whisper} is a supervisor's
 * word to the agent while the chat goes on, which the desk sets apart from colleagues' notes.
 */
public record Note(UUID id, UUID conversationId, UUID authorId, String authorName, String text, Instant createdAt,
		boolean whisper) {
}
