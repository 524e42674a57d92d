package dev.kefu.organization;

import java.time.Duration;

import dev.kefu.shared.RequestRejected;

/**
 * How long a customer may wait for an agent's reply in a group: past {@code warnAfter} the chat is late (amber on the
 * desk, the group's first-response target), past {@code alertAfter} it is very late (red).
 */
public record ReplyTargets(Duration warnAfter, Duration alertAfter) {

	public static final ReplyTargets DEFAULT = new ReplyTargets(Duration.ofSeconds(60), Duration.ofSeconds(180));

	public ReplyTargets {
		if (warnAfter.isNegative() || warnAfter.isZero() || alertAfter.compareTo(warnAfter) <= 0
				|| alertAfter.compareTo(Duration.ofHours(24)) > 0) {
			throw new RequestRejected("invalid-reply-targets",
					"reply targets must satisfy 0 < warn < alert <= 24 hours");
		}
	}

	public static ReplyTargets ofSeconds(long warn, long alert) {
		return new ReplyTargets(Duration.ofSeconds(warn), Duration.ofSeconds(alert));
	}
}
