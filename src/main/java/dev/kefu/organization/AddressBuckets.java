package dev.kefu.organization;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per organization, kind of request and source, on this node. The rate and burst come with every take,
 * so a limit an admin raises applies at once. Full buckets are dropped, since a missing bucket starts full.
 */
final class AddressBuckets {

	private record Key(UUID organizationId, String kind, String source) {
	}

	private static final class Bucket {

		double tokens;
		long lastNanos;
		double perNano;
		int burst;

		Bucket(int burst, long now) {
			this.tokens = burst;
			this.lastNanos = now;
		}

		void refill(long now, int perMinute, int burst) {
			this.perNano = perMinute / 60e9;
			this.burst = burst;
			// A request that read the clock before another reached the bucket comes in with an earlier time: that
			// time already counted, and counting it backwards would take tokens away at a high rate.
			long elapsed = Math.max(0, now - lastNanos);
			tokens = Math.min(burst, tokens + elapsed * perNano);
			lastNanos = Math.max(lastNanos, now);
		}

		boolean fullAt(long now) {
			return tokens + (now - lastNanos) * perNano >= burst;
		}
	}

	private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
	private final LongSupplier nanoTime;

	AddressBuckets(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/** Takes one token; answers zero when taken, otherwise how long until one will be there. */
	Duration take(UUID organizationId, String kind, String address, int perMinute, int burst) {
		long now = nanoTime.getAsLong();
		Bucket bucket = buckets.computeIfAbsent(new Key(organizationId, kind, source(address)),
				key -> new Bucket(burst, now));
		synchronized (bucket) {
			bucket.refill(now, perMinute, burst);
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return Duration.ZERO;
			}
			return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / bucket.perNano));
		}
	}

	void forgetFull() {
		long now = nanoTime.getAsLong();
		buckets.values().removeIf(bucket -> {
			synchronized (bucket) {
				return bucket.fullAt(now);
			}
		});
	}

	int size() {
		return buckets.size();
	}

	/**
	 * The source an address stands for: itself for IPv4, its /64 network for IPv6, because one IPv6 customer is
	 * handed a whole /64 and could otherwise take a fresh address for every request.
	 */
	static String source(String address) {
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return bytes.length == 16 ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64" : address;
		}
		catch (UnknownHostException notAnAddress) {
			return address;
		}
	}
}
