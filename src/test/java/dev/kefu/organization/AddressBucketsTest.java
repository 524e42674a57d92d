package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AddressBucketsTest {

	final AtomicLong now = new AtomicLong();
	final AddressBuckets buckets = new AddressBuckets(now::get);
	final UUID organization = UUID.randomUUID();

	@Test
	void admitsABurstThenTellsHowLongToWait() {
		for (int i = 0; i < 3; i++) {
			assertThat(take("203.0.113.7", 60, 3)).isZero();
		}
		assertThat(take("203.0.113.7", 60, 3)).isEqualTo(Duration.ofSeconds(1));
		now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(take("203.0.113.7", 60, 3)).isZero();
	}

	@Test
	void countsEachAddressAndOrganizationApart() {
		assertThat(take("203.0.113.7", 60, 1)).isZero();
		assertThat(take("203.0.113.7", 60, 1)).isPositive();
		assertThat(take("203.0.113.8", 60, 1)).isZero();
		assertThat(buckets.take(UUID.randomUUID(), "visitor", "203.0.113.7", 60, 1)).isZero();
	}

	@Test
	void aRaisedLimitAppliesAtOnce() {
		assertThat(take("203.0.113.7", 60, 1)).isZero();
		assertThat(take("203.0.113.7", 60, 1)).isPositive();
		assertThat(take("203.0.113.7", 60_000, 1_000)).isPositive(); // the bucket refills at the new rate...
		now.addAndGet(Duration.ofMillis(10).toNanos());
		assertThat(take("203.0.113.7", 60_000, 1_000)).isZero(); // ...a thousand times faster
	}

	/**
	 * Concurrent requests read the clock before they queue on the bucket, so one may arrive with an earlier time than
	 * the last. It must find the tokens it would have found in order, not pay for the time running backwards.
	 */
	@Test
	void aLateRequestWithAnEarlierClockLosesNoTokens() {
		now.set(Duration.ofSeconds(20).toNanos());
		assertThat(take("203.0.113.7", 60, 5)).isZero();
		now.set(Duration.ofSeconds(10).toNanos());
		for (int i = 0; i < 4; i++) {
			assertThat(take("203.0.113.7", 60, 5)).as("take %d", i).isZero();
		}
		assertThat(take("203.0.113.7", 60, 5)).isPositive();
	}

	@Test
	void countsAnIpv6CustomerByTheirNetwork() {
		assertThat(take("2001:db8:1:2::1", 60, 1)).isZero();
		assertThat(take("2001:db8:1:2:ffff::99", 60, 1)).isPositive();
		assertThat(take("2001:db8:1:3::1", 60, 1)).isZero();
	}

	@Test
	void forgetsSourcesOnceTheirBucketIsFullAgain() {
		take("203.0.113.7", 60, 2);
		buckets.forgetFull();
		assertThat(buckets.size()).isEqualTo(1);
		now.addAndGet(Duration.ofSeconds(1).toNanos());
		buckets.forgetFull();
		assertThat(buckets.size()).isZero();
	}

	private Duration take(String address, int perMinute, int burst) {
		return buckets.take(organization, "visitor", address, perMinute, burst);
	}
}
