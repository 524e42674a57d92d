package dev.kefu.ticket;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;

/**
 * A call-back request's own part of its ticket: the window the customer wants to be called in ({@code from} and
 * {@code until} both null: as soon as possible), how many calls were made, and how the latest went.
 */
record Callback(@Nullable Instant from, @Nullable Instant until, int attempts, @Nullable CallbackOutcome outcome,
		@Nullable String note) {

	/** A window may start a little before the request reaches us: the customer's clock and typing take time. */
	static final Duration START_GRACE = Duration.ofMinutes(15);

	/** Nobody plans a call back further ahead than this; a later date is a typo. */
	static final Duration HORIZON = Duration.ofDays(30);

	/** A new request, its window checked against the time it arrives. */
	static Callback requested(@Nullable Instant from, @Nullable Instant until, Instant now) {
		if ((from == null) != (until == null)) {
			throw new RequestRejected("invalid-callback-window",
					"give both ends of the window (from and until), or neither for as soon as possible");
		}
		if (from != null && until != null) {
			if (!from.isBefore(until)) {
				throw new RequestRejected("invalid-callback-window", "the window must start before it ends");
			}
			if (from.isBefore(now.minus(START_GRACE))) {
				throw new RequestRejected("callback-window-past", "the window must not start in the past");
			}
			if (from.isAfter(now.plus(HORIZON))) {
				throw new RequestRejected("invalid-callback-window",
						"the window must start within " + HORIZON.toDays() + " days");
			}
		}
		return new Callback(from, until, 0, null, null);
	}

	/**
	 * The number to call: digits, spaces, +, -, and parentheses, with 5 to 20 digits. Returned stripped; the
	 * customer's own formatting is kept, since it is how they recognise their number.
	 */
	static String phone(@Nullable String phone) {
		if (phone == null || phone.isBlank()) {
			throw new RequestRejected("phone-required", "leave a phone number for us to call you back on");
		}
		String stripped = phone.strip();
		long digits = stripped.chars().filter(Character::isDigit).count();
		if (!stripped.matches("[+0-9 ()-]{1,50}") || digits < 5 || digits > 20) {
			throw new RequestRejected("invalid-phone",
					"a phone number has 5 to 20 digits, and only spaces, +, - and parentheses besides: " + stripped);
		}
		return stripped;
	}

	/** One more call was made. */
	Callback attempted(CallbackOutcome outcome, @Nullable String note) {
		return new Callback(from, until, attempts + 1, outcome, note);
	}
}
