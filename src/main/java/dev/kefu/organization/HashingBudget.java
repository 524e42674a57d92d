package dev.kefu.organization;

import java.util.function.LongSupplier;

/**
 * The share of the hashing threads' time that may go to hashing. A thread of its own keeps bcrypt off the chats'
 * carrier threads, but a flood from many addresses still kept that thread busy all the time, a whole core of two;
 * held to its share, a flood leaves the cores to the chats and the logins beyond it are refused at once. A burst
 * of {@value #BURST_SECONDS} seconds' share is allowed, so a team logging in at nine is not refused.
 */
final class HashingBudget {

	static final int BURST_SECONDS = 5;

	private final double perNanosecond;
	private final double burst;
	private final LongSupplier nanoTime;
	private double allowance;
	private long last;

	HashingBudget(double share, int threads, LongSupplier nanoTime) {
		this.perNanosecond = share * threads;
		this.burst = perNanosecond * BURST_SECONDS * 1_000_000_000L;
		this.nanoTime = nanoTime;
		this.allowance = burst;
		this.last = nanoTime.getAsLong();
	}

	/** Whether one more hashing may start now. */
	synchronized boolean admits() {
		refill();
		return allowance > 0;
	}

	/** A hashing took this long; later ones wait until the share has paid for it. */
	synchronized void spent(long nanos) {
		refill();
		allowance -= nanos;
	}

	private void refill() {
		long now = nanoTime.getAsLong();
		allowance = Math.min(burst, allowance + (now - last) * perNanosecond);
		last = now;
	}
}
