package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.kefu.testing.RedisAvailable;

/** Two nodes of one cluster count the same failures and know the same addresses. */
@ExtendWith(RedisAvailable.class)
class RedisLoginRecordsTest {

	final String cluster = "test-" + UUID.randomUUID();

	final RedisLoginRecords nodeA = new RedisLoginRecords(RedisAvailable.URL, cluster);

	final RedisLoginRecords nodeB = new RedisLoginRecords(RedisAvailable.URL, cluster);

	@AfterEach
	void close() {
		nodeA.destroy();
		nodeB.destroy();
	}

	@Test
	void failuresCountedOnOneNodeSlowTheOther() {
		Instant now = Instant.parse("2026-12-03T08:00:00Z");
		nodeA.fail("account:admin", now, Duration.ofMinutes(1));
		nodeB.fail("account:admin", now.plusSeconds(1), Duration.ofMinutes(1));

		assertThat(nodeA.failures("account:admin")).isEqualTo(new LoginRule.Failures(2, now.plusSeconds(1)));
		nodeA.forget("account:admin");
		assertThat(nodeB.failures("account:admin")).isEqualTo(LoginRule.Failures.NONE);
	}

	@Test
	void anAddressKnownOnOneNodeIsKnownOnTheOther() {
		nodeA.remember("admin", "192.0.2.1", Duration.ofMinutes(1));

		assertThat(nodeB.known("admin", "192.0.2.1")).isTrue();
		assertThat(nodeB.known("admin", "192.0.2.2")).isFalse();
		assertThat(new RedisLoginRecordsTestOtherCluster().known()).isFalse();
	}

	/** Another cluster on the same Redis shares nothing. */
	final class RedisLoginRecordsTestOtherCluster {

		boolean known() {
			RedisLoginRecords other = new RedisLoginRecords(RedisAvailable.URL, cluster + "-other");
			try {
				return other.known("admin", "192.0.2.1");
			}
			finally {
				other.destroy();
			}
		}
	}
}
