package dev.kefu.conversation;

import java.time.Instant;
import java.util.UUID;

/** A customer started a conversation: it waits in the group's queue, or the group's virtual assistant serves it. */
public record ConversationOpened(UUID organizationId, UUID conversationId, UUID contactId, UUID groupId,
		String channel, Instant at) implements ConversationEvents {
}
