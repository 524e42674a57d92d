package dev.kefu.routing;

import java.util.UUID;

/** A group's queue or its agents' load changed (published after commit; a notification for live screens). */
public record QueueChanged(UUID organizationId, UUID groupId) {
}
