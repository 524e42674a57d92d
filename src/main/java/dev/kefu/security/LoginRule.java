package dev.kefu.security;

import java.time.Duration;
import java.time.Instant;

/**
 * How much failed logins slow down the next attempt for one key (a source address, or an account): the first
 * {@code freeFailures} cost nothing, each one after that doubles the wait, from {@code firstDelay} up to
 * {@code maxDelay}. A quiet {@code forgetAfter} since the last failure starts over. An attempt refused while waiting
 * is not a failure (no password was checked), so the wait never grows by itself and nobody is ever locked out: at
 * worst the real user waits {@code maxDelay}.
 */
record LoginRule(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

	/** What the store holds per key: how many failures in a row, and when the last one was. */
	record Failures(int count, Instant last) {

		static final Failures NONE = new Failures(0, Instant.EPOCH);
	}

	/** How long the next attempt must wait after these failures; zero when it may go ahead now. */
	Duration wait(Failures failures, Instant now) {
		if (failures.count() <= freeFailures || !now.isBefore(failures.last().plus(forgetAfter))) {
			return Duration.ZERO;
		}
		Duration due = delayAfter(failures.count());
		Duration left = Duration.between(now, failures.last().plus(due));
		return left.isNegative() ? Duration.ZERO : left;
	}

	private Duration delayAfter(int count) {
		int doublings = Math.min(count - freeFailures - 1, 30);
		Duration delay = firstDelay.multipliedBy(1L << doublings);
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}
}
