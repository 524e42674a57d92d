package dev.kefu.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Settings that every request reads but that change a few times a day (a group's queue limit, its business hours),
 * kept for a short while. The node that changes them forgets them at once; other nodes see the change when the entry
 * expires, so the lifetime is how stale another node may be.
 */
public final class ShortLived<K, V> {

	private record Entry<V>(V value, long expiresAt) {
	}

	private static final int MAX_ENTRIES = 10_000;

	private final long lifetimeNanos;
	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	public ShortLived(Duration lifetime) {
		this.lifetimeNanos = lifetime.toNanos();
	}

	public V get(K key, Function<K, V> load) {
		long now = System.nanoTime();
		Entry<V> entry = entries.get(key);
		if (entry != null && entry.expiresAt() - now > 0) {
			return entry.value();
		}
		V value = load.apply(key);
		if (entries.size() >= MAX_ENTRIES) {
			// Many tenants: start over rather than grow; a reload costs one query.
			entries.clear();
		}
		entries.put(key, new Entry<>(value, now + lifetimeNanos));
		return value;
	}

	public void forget(K key) {
		entries.remove(key);
	}

	public void forgetAll() {
		entries.clear();
	}
}
