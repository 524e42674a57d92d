package dev.kefu.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored message. {@code seq} is assigned by the server, starts at 1 and has no gaps within a conversation, so a
 * client that saw seq n and then sees n + 2 knows it missed one.
 */
public record Message(UUID id, UUID conversationId, long seq, String clientMsgId, Participant sender, String text,
		List<AttachmentRef> attachments, Instant createdAt) {
}
