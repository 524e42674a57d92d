package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.kefu.security.LoginRule.Failures;

class LoginRuleTest {

	static final LoginRule RULE = new LoginRule(3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1));

	static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

	@Test
	void letsTheFirstFailuresGoWithoutWaiting() {
		assertThat(RULE.wait(Failures.NONE, NOW)).isZero();
		assertThat(RULE.wait(new Failures(3, NOW), NOW)).isZero();
	}

	@Test
	void doublesTheWaitWithEachFailureBeyondTheFreeOnes() {
		assertThat(RULE.wait(new Failures(4, NOW), NOW)).isEqualTo(Duration.ofSeconds(1));
		assertThat(RULE.wait(new Failures(5, NOW), NOW)).isEqualTo(Duration.ofSeconds(2));
		assertThat(RULE.wait(new Failures(6, NOW), NOW)).isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void neverWaitsLongerThanTheLongestDelaySoNobodyIsLockedOut() {
		assertThat(RULE.wait(new Failures(10, NOW), NOW)).isEqualTo(Duration.ofSeconds(60));
		assertThat(RULE.wait(new Failures(1_000_000, NOW), NOW)).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void countsTheWaitFromTheLastFailure() {
		Failures sixth = new Failures(6, NOW);
		assertThat(RULE.wait(sixth, NOW.plusSeconds(3))).isEqualTo(Duration.ofSeconds(1));
		assertThat(RULE.wait(sixth, NOW.plusSeconds(4))).isZero();
	}

	@Test
	void forgetsFailuresAfterAQuietPeriod() {
		Failures many = new Failures(50, NOW);
		assertThat(RULE.wait(many, NOW.plusSeconds(59))).isPositive();
		assertThat(RULE.wait(many, NOW.plus(Duration.ofHours(1)))).isZero();
	}
}
