package dev.kefu.conversation;

import java.util.Set;

/**
 * Where a conversation stands. {@code QUEUED -> ASSIGNED -> CLOSED}; a transfer moves an assigned conversation to
 * another agent or back to a queue; a customer who leaves before any agent took the chat makes it {@code ABANDONED}.
 * Where the group has a virtual assistant, a conversation starts in {@code BOT} and is either closed there
 * (resolved by the assistant) or handed over to the queue.
 */
public enum ConversationState {
	BOT, QUEUED, ASSIGNED, CLOSED, ABANDONED;

	static final Set<ConversationState> OPEN = Set.of(BOT, QUEUED, ASSIGNED);

	public boolean isOpen() {
		return OPEN.contains(this);
	}
}
