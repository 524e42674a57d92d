package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.kefu.security.LoginProtection.Attempt;
import dev.kefu.security.LoginProperties.Limit;
import dev.kefu.testing.SettableClock;

/** The rules of login protection, with time set by hand and the single node's in-memory records. */
class LoginProtectionTest {

	final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T08:00:00Z"));

	final LoginProtection protection = new LoginProtection(new MemoryLoginRecords(clock),
			new LoginProperties(new Limit(10, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1)),
					new Limit(5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)),
					Duration.ofDays(90)),
			clock);

	@Test
	void wrongPasswordsFromElsewhereNeverKeepTheUserOutOfTheirKnownAddress() {
		protection.succeeded(Attempt.of("admin", "192.0.2.1"));
		failRepeatedly(Attempt.of("admin", "198.51.100.7"), 500);

		assertThat(protection.wait(Attempt.of("admin", "198.51.100.7"))).isPositive();
		assertThat(protection.wait(Attempt.of("admin", "203.0.113.9"))).as("an address never used before waits")
			.isPositive();
		assertThat(protection.wait(Attempt.of("admin", "192.0.2.1"))).isZero();
	}

	@Test
	void theAccountsWaitIsShortAndEndsOnItsOwn() {
		failRepeatedly(Attempt.of("admin", "198.51.100.7"), 500);

		assertThat(protection.wait(Attempt.of("admin", "203.0.113.9"))).isLessThanOrEqualTo(Duration.ofMinutes(5));
		clock.advance(Duration.ofMinutes(5));
		assertThat(protection.wait(Attempt.of("ADMIN", "203.0.113.9"))).isZero();
	}

	@Test
	void oneAddressTryingManyUsernamesIsSlowed() {
		for (int i = 0; i <= 10; i++) {
			Attempt attempt = Attempt.of("user" + i, "198.51.100.7");
			assertThat(protection.wait(attempt)).isZero();
			protection.failed(attempt);
		}
		assertThat(protection.wait(Attempt.of("user11", "198.51.100.7"))).isEqualTo(Duration.ofSeconds(1));
		assertThat(protection.wait(Attempt.of("user11", "192.0.2.1"))).as("other addresses are not slowed").isZero();
	}

	@Test
	void aGoodPasswordForgivesTheAccountButNotTheAddress() {
		failRepeatedly(Attempt.of("admin", "198.51.100.7"), 12);
		clock.advance(Duration.ofMinutes(10));

		protection.succeeded(Attempt.of("admin", "198.51.100.7"));
		protection.failed(Attempt.of("someone", "198.51.100.7"));

		assertThat(protection.wait(Attempt.of("admin", "203.0.113.9"))).isZero();
		assertThat(protection.wait(Attempt.of("other", "198.51.100.7"))).isPositive();
	}

	@Test
	void aKnownAddressIsForgottenAfterItsTime() {
		protection.succeeded(Attempt.of("admin", "192.0.2.1"));
		clock.advance(Duration.ofDays(91));
		failRepeatedly(Attempt.of("admin", "198.51.100.7"), 20);

		assertThat(protection.wait(Attempt.of("admin", "192.0.2.1"))).isPositive();
	}

	@Test
	void countsAnIpv6Slash64AsOneSource() {
		assertThat(LoginProtection.source("2001:db8:1:2:aaaa::1")).isEqualTo(LoginProtection.source("2001:db8:1:2::ffff"))
			.isNotEqualTo(LoginProtection.source("2001:db8:1:3::1"));
		assertThat(LoginProtection.source("192.0.2.1")).isEqualTo("192.0.2.1");
	}

	/** Failures at one a second for {@code times} seconds, each one when the limits would let it through. */
	private void failRepeatedly(Attempt attempt, int times) {
		for (int i = 0; i < times; i++) {
			protection.failed(attempt);
			clock.advance(Duration.ofSeconds(1));
		}
	}
}
