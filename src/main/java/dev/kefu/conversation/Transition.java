package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One recorded state change of a conversation. */
public record Transition(String kind, @Nullable ConversationState from, ConversationState to, @Nullable UUID agentId,
		@Nullable UUID groupId, Participant actor, @Nullable String note, Instant at) {
}
