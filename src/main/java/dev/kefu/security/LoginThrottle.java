package dev.kefu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one username within the window, further
 * attempts are refused until the window has passed. Per node; good enough to make guessing impractical.
 */
@Component
class LoginThrottle {

	static final int MAX_FAILURES = 10;
	static final Duration WINDOW = Duration.ofMinutes(15);

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();
	private final Clock clock;

	private record Failures(int count, Instant since) {
	}

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	boolean allows(String username) {
		Failures f = failures.get(key(username));
		return f == null || f.count() < MAX_FAILURES || f.since().plus(WINDOW).isBefore(clock.instant());
	}

	void failed(String username) {
		Instant now = clock.instant();
		failures.compute(key(username), (k, f) -> f == null || f.since().plus(WINDOW).isBefore(now)
				? new Failures(1, now) : new Failures(f.count() + 1, f.since()));
	}

	void succeeded(String username) {
		failures.remove(key(username));
	}

	private static String key(String username) {
		return username.toLowerCase(java.util.Locale.ROOT);
	}
}
