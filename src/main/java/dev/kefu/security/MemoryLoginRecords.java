package dev.kefu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.kefu.security.LoginRule.Failures;

/** Login records of a single node, kept in memory; entries past their time are dropped as the map grows. */
final class MemoryLoginRecords implements LoginRecords {

	/** Above this many entries, expired ones are swept out before adding more (a flood from many addresses). */
	private static final int SWEEP_ABOVE = 100_000;

	private record Entry(Failures failures, Instant expires) {
	}

	private final Map<String, Entry> failures = new ConcurrentHashMap<>();
	private final Map<String, Instant> knownUntil = new ConcurrentHashMap<>();
	private final Clock clock;

	MemoryLoginRecords(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Failures failures(String key) {
		Entry entry = failures.get(key);
		return entry == null || !clock.instant().isBefore(entry.expires()) ? Failures.NONE : entry.failures();
	}

	@Override
	public void fail(String key, Instant now, Duration forgetAfter) {
		sweep(now);
		failures.compute(key, (k, e) -> {
			int count = e == null || !now.isBefore(e.expires()) ? 1 : e.failures().count() + 1;
			return new Entry(new Failures(count, now), now.plus(forgetAfter));
		});
	}

	@Override
	public void forget(String key) {
		failures.remove(key);
	}

	@Override
	public boolean known(String account, String address) {
		Instant until = knownUntil.get(account + '|' + address);
		return until != null && clock.instant().isBefore(until);
	}

	@Override
	public void remember(String account, String address, Duration forHowLong) {
		Instant now = clock.instant();
		sweep(now);
		knownUntil.put(account + '|' + address, now.plus(forHowLong));
	}

	private void sweep(Instant now) {
		if (failures.size() > SWEEP_ABOVE) {
			failures.values().removeIf(e -> !now.isBefore(e.expires()));
		}
		if (knownUntil.size() > SWEEP_ABOVE) {
			knownUntil.values().removeIf(until -> !now.isBefore(until));
		}
	}
}
