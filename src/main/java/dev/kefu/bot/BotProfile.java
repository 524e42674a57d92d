package dev.kefu.bot;

import java.util.UUID;

import dev.kefu.shared.RequestRejected;

/**
 * A group's assistant. It answers when the match's confidence (cosine of the question to the entry's closest
 * phrasing) reaches {@code threshold}, and offers choices a little below it.
 */
public record BotProfile(UUID groupId, boolean enabled, String name, String greeting, double threshold) {

	public BotProfile {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new RequestRejected("invalid-name", "the assistant's name must be 1-100 characters");
		}
		if (greeting == null || greeting.length() > 1000) {
			throw new RequestRejected("invalid-greeting", "the greeting must be at most 1000 characters");
		}
		if (!(threshold > 0 && threshold < 1)) {
			throw new RequestRejected("invalid-threshold", "the threshold must be between 0 and 1");
		}
		name = name.strip();
		greeting = greeting.strip();
	}

	/** Off until an admin switches it on. */
	static BotProfile off(UUID groupId) {
		return new BotProfile(groupId, false, "Assistant", "", 0.8);
	}
}
