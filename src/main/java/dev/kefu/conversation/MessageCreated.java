package dev.kefu.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message was stored: the durable twin of {@link MessageAppended}, published inside the storing transaction so
 * the event publication registry keeps it until every module listener has handled it. Published only for the
 * organizations a {@link MessageSubscribers} asks for, so the hot message path pays nothing elsewhere. A system line
 * carries its {@code textKey} and {@code textParams} (see {@link Message}); {@code text} is then its English wording.
 */
public record MessageCreated(UUID organizationId, UUID conversationId, UUID contactId, UUID messageId, long seq,
		ParticipantType senderType, @Nullable UUID senderId, @Nullable String senderName, String text,
		int attachments, Instant at, @Nullable String textKey, @Nullable Map<String, String> textParams) {
}
