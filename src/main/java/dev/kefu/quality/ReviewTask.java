package dev.kefu.quality;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A closed conversation waiting in the QA queue for an inspector's review, and why it was selected. */
record ReviewTask(UUID id, UUID organizationId, UUID conversationId, UUID agentId, UUID groupId, State state,
		Set<Reason> reasons, Instant createdAt) {

	enum State {
		OPEN, REVIEWED
	}

	/** Why a conversation is reviewed; one conversation may have several reasons. */
	enum Reason {
		/** In the organization's random share. */
		RANDOM,
		/** A rule found something (other than the low rating, which is its own reason). */
		FINDINGS,
		/** The customer rated it low. */
		LOW_RATING
	}
}
