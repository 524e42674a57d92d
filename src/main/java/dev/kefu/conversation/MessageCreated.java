package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message was stored: the durable twin of {@link MessageAppended}, published inside the storing transaction so
 * the event publication registry keeps it until every module listener has handled it. Published only for the
 * organizations a {@link MessageSubscribers} asks for, so the hot message path pays nothing elsewhere.
 */
public record MessageCreated(UUID organizationId, UUID conversationId, UUID contactId, UUID messageId, long seq,
		ParticipantType senderType, @Nullable UUID senderId, @Nullable String senderName, String text,
		int attachments, Instant at) {
}
