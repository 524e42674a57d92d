package dev.kefu.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Conversations were erased (a contact's erasure, or anonymized by the retention job: {@code deleted} false) or
 * deleted by the retention job ({@code deleted} true). Modules that keep text by conversation (the bot's questions,
 * quality findings, e-mail threads) erase theirs; report facts, which hold none, stay.
 */
public record ConversationsErased(UUID organizationId, List<UUID> conversationIds, boolean deleted, Instant at) {
}
