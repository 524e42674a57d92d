package dev.kefu.organization;

import dev.kefu.shared.RequestRejected;

/**
 * Who takes a group's waiting chats: routing, assigning them to free agents ({@code autoAssign}), the agents by hand,
 * picking from the queue they see on the desk ({@code agentsMayPick}), or both. At least one, or nobody would.
 */
public record QueueAccess(boolean autoAssign, boolean agentsMayPick) {

	public static final QueueAccess DEFAULT = new QueueAccess(true, false);

	public QueueAccess {
		if (!autoAssign && !agentsMayPick) {
			throw new RequestRejected("invalid-queue-access",
					"a group that does not assign chats automatically must let its agents pick them");
		}
	}
}
