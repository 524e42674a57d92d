package dev.kefu.conversation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message was stored (published after commit). This is a notification for fan-out, not a durable event: a
 * receiver that misses it catches up from the database by sequence number.
 */
public record MessageAppended(UUID organizationId, UUID contactId, @Nullable UUID agentId, Message message) {
}
