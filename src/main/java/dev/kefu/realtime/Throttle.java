package dev.kefu.realtime;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task per key at most once per interval: at once when the key has been quiet, otherwise once at the end of
 * the interval, however many requests came meanwhile. The task reads the current state when it runs, so the last
 * change is never lost, only merged with the ones before it.
 */
final class Throttle implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Throttle.class);

	private final long intervalNanos;
	private final ScheduledExecutorService timer;
	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
	private final Map<UUID, Key> keys = new ConcurrentHashMap<>();

	private static final class Key {

		boolean pending;

		long lastRun = Long.MIN_VALUE / 2;
	}

	Throttle(String name, Duration interval) {
		this.intervalNanos = interval.toNanos();
		this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name).factory());
	}

	void request(UUID key, Runnable task) {
		Key state = keys.computeIfAbsent(key, k -> new Key());
		long delay;
		synchronized (state) {
			if (state.pending) {
				return;
			}
			state.pending = true;
			delay = Math.max(0, state.lastRun + intervalNanos - System.nanoTime());
		}
		timer.schedule(() -> workers.execute(() -> run(state, task)), delay, TimeUnit.NANOSECONDS);
	}

	private void run(Key state, Runnable task) {
		synchronized (state) {
			// Cleared before the task runs: a change the task might miss asks for the next run.
			state.pending = false;
			state.lastRun = System.nanoTime();
		}
		try {
			task.run();
		}
		catch (RuntimeException e) {
			log.warn("A throttled update failed; the next change sends it again", e);
		}
	}

	@Override
	public void close() {
		timer.shutdownNow();
		workers.shutdown();
	}
}
