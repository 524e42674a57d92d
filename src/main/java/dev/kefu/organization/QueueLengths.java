package dev.kefu.organization;

import java.util.UUID;

/**
 * How many chats wait in a group's queue, asked of the module that keeps queues (routing implements it) so this module
 * never reads its tables. Without such a bean every queue counts as empty.
 */
public interface QueueLengths {

	int waiting(UUID organizationId, UUID groupId);
}
