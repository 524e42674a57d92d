package dev.kefu.conversation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One side has now read up to {@code readSeq} (published after commit, for fan-out to the other side). */
public record ReceiptUpdated(UUID organizationId, UUID conversationId, UUID contactId, @Nullable UUID agentId,
		ParticipantType reader, long readSeq) {
}
