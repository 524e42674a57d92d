package dev.kefu.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored message. {@code seq} is assigned by the server, starts at 1 and has no gaps within a conversation, so a
 * client that saw seq n and then sees n + 2 knows it missed one. {@code meta} holds what a screen needs beyond the
 * text for the assistant's replies (the article answered with, "did you mean" choices); null otherwise. A system line
 * has {@code textKey} and {@code textParams}, for a reader to render in their language ({@code text} is its English
 * wording); both are null on every other message and on system lines stored before they had keys. {@code masked}
 * says that the privacy module masked a card, ID or other sensitive number in the text before it was stored.
 */
public record Message(UUID id, UUID conversationId, long seq, String clientMsgId, Participant sender, String text,
		List<AttachmentRef> attachments, Instant createdAt, @Nullable Map<String, Object> meta,
		@Nullable String textKey, @Nullable Map<String, String> textParams, boolean masked) {

	public Message(UUID id, UUID conversationId, long seq, String clientMsgId, Participant sender, String text,
			List<AttachmentRef> attachments, Instant createdAt, @Nullable Map<String, Object> meta,
			@Nullable String textKey, @Nullable Map<String, String> textParams) {
		this(id, conversationId, seq, clientMsgId, sender, text, attachments, createdAt, meta, textKey, textParams,
				false);
	}

	public Message(UUID id, UUID conversationId, long seq, String clientMsgId, Participant sender, String text,
			List<AttachmentRef> attachments, Instant createdAt, @Nullable Map<String, Object> meta) {
		this(id, conversationId, seq, clientMsgId, sender, text, attachments, createdAt, meta, null, null);
	}

	public Message(UUID id, UUID conversationId, long seq, String clientMsgId, Participant sender, String text,
			List<AttachmentRef> attachments, Instant createdAt) {
		this(id, conversationId, seq, clientMsgId, sender, text, attachments, createdAt, null);
	}

	/** The same message with its text as one reader sees it. */
	Message withText(String rendered) {
		return new Message(id, conversationId, seq, clientMsgId, sender, rendered, attachments, createdAt, meta, textKey,
				textParams, masked);
	}
}
