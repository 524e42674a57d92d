package dev.kefu.conversation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The customer moved to another page (or began a chat) and the visit stored for the conversation changed. */
public record VisitChanged(UUID organizationId, UUID conversationId, @Nullable UUID agentId) {
}
