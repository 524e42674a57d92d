package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThrottleTest {

	private static final Duration INTERVAL = Duration.ofMillis(300);

	private final Throttle throttle = new Throttle("test-throttle", INTERVAL);

	private final List<Long> runs = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		throttle.close();
	}

	@Test
	void quietKeyRunsAtOnce() {
		long asked = System.nanoTime();
		throttle.request(UUID.randomUUID(), this::run);

		await().atMost(Duration.ofSeconds(2)).until(() -> runs.size() == 1);
		assertThat(Duration.ofNanos(runs.getFirst() - asked)).isLessThan(INTERVAL);
	}

	@Test
	void requestsDuringTheIntervalBecomeOneLaterRun() {
		UUID group = UUID.randomUUID();
		throttle.request(group, this::run);
		await().atMost(Duration.ofSeconds(2)).until(() -> runs.size() == 1);

		for (int i = 0; i < 50; i++) {
			throttle.request(group, this::run);
		}

		await().atMost(Duration.ofSeconds(2)).until(() -> runs.size() == 2);
		assertThat(Duration.ofNanos(runs.get(1) - runs.get(0))).isGreaterThanOrEqualTo(INTERVAL);
		await().during(INTERVAL.multipliedBy(2)).atMost(INTERVAL.multipliedBy(3)).until(() -> runs.size() == 2);
	}

	@Test
	void keysAreThrottledApart() {
		throttle.request(UUID.randomUUID(), this::run);
		throttle.request(UUID.randomUUID(), this::run);

		await().atMost(INTERVAL).until(() -> runs.size() == 2);
	}

	private void run() {
		runs.add(System.nanoTime());
	}
}
