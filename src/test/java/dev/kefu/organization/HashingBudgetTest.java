package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class HashingBudgetTest {

	private static final long MS = 1_000_000L;

	final AtomicLong now = new AtomicLong();
	final HashingBudget halfOfOneThread = new HashingBudget(0.5, 1, now::get);

	@Test
	void aBurstOfFiveSecondsShareIsAllowedAtOnce() {
		int admitted = 0;
		while (halfOfOneThread.admits()) {
			halfOfOneThread.spent(100 * MS);
			admitted++;
		}
		assertThat(admitted).isEqualTo(25);
	}

	@Test
	void afterTheBurstHashingGetsItsShareOfTheTimeAndNoMore() {
		while (halfOfOneThread.admits()) {
			halfOfOneThread.spent(100 * MS);
		}
		int admitted = 0;
		for (int tick = 0; tick < 100; tick++) {
			now.addAndGet(100 * MS);
			if (halfOfOneThread.admits()) {
				halfOfOneThread.spent(100 * MS);
				admitted++;
			}
		}
		// Ten seconds at half of one thread: five seconds of hashing at 100 ms each.
		assertThat(admitted).isBetween(49, 51);
	}
}
