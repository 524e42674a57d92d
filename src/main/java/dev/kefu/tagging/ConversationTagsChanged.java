package dev.kefu.tagging;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A tag was put on a conversation or taken off; {@code tagIds} are all its tags now. */
public record ConversationTagsChanged(UUID organizationId, UUID conversationId, Set<UUID> tagIds, Instant at) {
}
