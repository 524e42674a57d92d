package dev.kefu.conversation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message was stored (published after commit). This is a notification for fan-out, not a durable event: a
 * receiver that misses it catches up from the database by sequence number. {@code state} is the conversation's
 * when the message was stored (BOT: the virtual assistant is serving it).
 */
public record MessageAppended(UUID organizationId, UUID contactId, @Nullable UUID agentId, ConversationState state,
		Message message) {
}
