package dev.kefu.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop send schedule: every sender sends every {@code period}, at fixed times, from one thread, whether or
 * not earlier messages were answered. Start times are spread at random over one period so that senders do not fire
 * together. Each send is told the time it was due, which is where latency is measured from.
 */
final class Schedule<S> {

	interface Send<S> {
		void send(S sender, int n, long due, boolean measured);
	}

	private final List<S> senders;
	private final long periodNanos;

	Schedule(List<S> senders, double aggregatePerSecond) {
		this.senders = senders;
		this.periodNanos = (long) (senders.size() / aggregatePerSecond * 1e9);
	}

	/** Runs warm-up then the measured window; returns when the last message of the window is due. */
	void run(double warmupSeconds, double measureSeconds, Send<S> send) {
		long start = System.nanoTime() + 50_000_000L;
		long measureFrom = start + (long) (warmupSeconds * 1e9);
		long end = measureFrom + (long) (measureSeconds * 1e9);
		long[] next = new long[senders.size()];
		int[] count = new int[senders.size()];
		for (int i = 0; i < next.length; i++) {
			next[i] = start + ThreadLocalRandom.current().nextLong(periodNanos);
		}
		long now;
		while ((now = System.nanoTime()) < end) {
			for (int i = 0; i < next.length; i++) {
				while (next[i] <= now) {
					send.send(senders.get(i), count[i]++, next[i], next[i] >= measureFrom);
					next[i] += periodNanos;
				}
			}
			LockSupport.parkNanos(200_000);
		}
	}

	long periodNanos() {
		return periodNanos;
	}
}
