package dev.kefu.conversation;

import java.util.UUID;

/**
 * Which organizations want {@link MessageCreated}. A module that needs every message durably implements this;
 * for the others the message path keeps its one autocommitted statement and writes no event publication.
 */
public interface MessageSubscribers {

	boolean wanted(UUID organizationId);
}
