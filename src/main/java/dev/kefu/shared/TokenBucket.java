package dev.kefu.shared;

/** A small token bucket: {@code perSecond} sustained, {@code burst} at once. Not thread-safe by itself. */
public final class TokenBucket {

	private final double perSecond;
	private final double burst;
	private double tokens;
	private long lastNanos;

	public TokenBucket(double perSecond, double burst) {
		this.perSecond = perSecond;
		this.burst = burst;
		this.tokens = burst;
		this.lastNanos = System.nanoTime();
	}

	public synchronized boolean tryTake() {
		long now = System.nanoTime();
		tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
		lastNanos = now;
		if (tokens >= 1) {
			tokens -= 1;
			return true;
		}
		return false;
	}

	/** Whether it has refilled completely, i.e. nobody has drawn on it lately and it may be forgotten. */
	public synchronized boolean isFull() {
		return Math.min(burst, tokens + (System.nanoTime() - lastNanos) / 1e9 * perSecond) >= burst;
	}
}
