package dev.kefu.conversation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a staff member's close must satisfy beyond the state machine, decided by a module that depends on this one
 * (tagging requires and records a disposition code), so that conversation knows nothing of it. Runs in the closing
 * transaction: a refusal (a {@link dev.kefu.shared.DomainException}) leaves the chat open, and what is recorded
 * commits with the close.
 */
public interface CloseRules {

	/** {@code dispositionId} is what the closer chose, if anything. */
	void closing(Conversation conversation, UUID closedBy, @Nullable UUID dispositionId);
}
