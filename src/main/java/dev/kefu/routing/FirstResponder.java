package dev.kefu.routing;

import java.util.UUID;

/**
 * Serves new chats before any agent does: the virtual assistant, where a group has one switched on. Routing asks it
 * when a chat starts; it gives the chat to a person with {@link Intake#handOver}.
 */
public interface FirstResponder {

	boolean servesNewChats(UUID organizationId, UUID groupId);
}
