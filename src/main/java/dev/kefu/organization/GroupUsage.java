package dev.kefu.organization;

import java.util.Optional;
import java.util.UUID;

/**
 * Something outside this module that may still need a group (waiting chats, open assignments). Asked before a group
 * is deleted; modules that keep group ids implement it, so this module never reads their tables.
 */
public interface GroupUsage {

	/** Why the group cannot be deleted now, in words an admin understands; empty when nothing here needs it. */
	Optional<String> blocksDeletion(UUID organizationId, UUID groupId);
}
