package dev.kefu.conversation;

import java.util.Set;

/**
 * Where a conversation stands. {@code QUEUED -> ASSIGNED -> CLOSED}; a transfer moves an assigned conversation to
 * another agent or back to a queue; a customer who leaves before any agent took the chat makes it {@code ABANDONED}.
 */
public enum ConversationState {
	QUEUED, ASSIGNED, CLOSED, ABANDONED;

	static final Set<ConversationState> OPEN = Set.of(QUEUED, ASSIGNED);

	public boolean isOpen() {
		return OPEN.contains(this);
	}
}
