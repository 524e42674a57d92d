package dev.kefu.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Latencies in nanoseconds, up to a minute, three significant digits; reported in milliseconds. */
final class Latency {

	static final long MAX_NANOS = 60_000_000_000L;

	private Latency() {
	}

	static Histogram histogram() {
		return new Histogram(MAX_NANOS, 3);
	}

	/** A histogram many threads can record into at once. */
	static Recorder recorder() {
		return new Recorder(MAX_NANOS, 3);
	}

	static void record(Recorder recorder, long nanos) {
		recorder.recordValue(Math.min(Math.max(nanos, 0), MAX_NANOS));
	}

	static void put(Results results, String key, Histogram h) {
		results.put(key + ".count", h.getTotalCount());
		results.put(key + ".p50-ms", h.getValueAtPercentile(50) / 1e6);
		results.put(key + ".p99-ms", h.getValueAtPercentile(99) / 1e6);
		results.put(key + ".p999-ms", h.getValueAtPercentile(99.9) / 1e6);
		results.put(key + ".max-ms", h.getMaxValue() / 1e6);
	}
}
