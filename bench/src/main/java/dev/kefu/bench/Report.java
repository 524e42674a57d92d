package dev.kefu.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The results of one run as Markdown, every Kefu figure next to its ratio to the same run's baselines: heap and
 * threads against the echo server, latency against the echo round trip at the same rate, throughput against one-row
 * inserts per second, and delivery against the aim of 2 × (echo round trip + insert), all at p99 unless named.
 */
final class Report {

	private final Map<String, String> r;
	private final StringBuilder md = new StringBuilder();

	private Report(Map<String, String> results) {
		this.r = results;
	}

	static String markdown(Map<String, String> results) {
		return new Report(results).write();
	}

	private String write() {
		line("| | |");
		line("|---|---|");
		for (String key : new String[] { "machine.cpu", "machine.nproc", "machine.memory", "machine.os", "machine.jdk",
				"machine.open-files", "run.kefu-commit", "run.command", "run.loadavg-start", "run.loadavg-end" }) {
			line("| " + key + " | " + r.getOrDefault(key, "–") + " |");
		}
		line("");
		baselines();
		idle();
		for (String target : targets()) {
			throughput(target);
			burst(target);
		}
		return md.toString();
	}

	private void baselines() {
		if (!r.containsKey("pg.insert.per-second") && rates("echo").isEmpty()) {
			line("**No baselines in this run**: compare with a run that has them, on the same machine and load.");
			line("");
			return;
		}
		line("**Baselines.** One-row PostgreSQL insert (autocommit, one connection, one after the other): "
				+ f("pg.insert.per-second", 0) + " inserts/s, p50 " + f("pg.insert.latency.p50-ms", 2) + " ms, p99 "
				+ f("pg.insert.latency.p99-ms", 2) + " ms, p99.9 " + f("pg.insert.latency.p999-ms", 2) + " ms.");
		line("");
		line("| echo round trip | p50 ms | p99 ms | p99.9 ms | load |");
		line("|---|---|---|---|---|");
		for (String rate : rates("echo")) {
			String p = "echo.throughput." + rate + ".round-trip.";
			line("| " + rate + " msg/s over " + f("echo.throughput." + rate + ".connections", 0) + " connections | "
					+ f(p + "p50-ms", 2) + " | " + f(p + "p99-ms", 2) + " | " + f(p + "p999-ms", 2) + " | "
					+ r.getOrDefault("echo.throughput." + rate + ".loadavg", "") + " |");
		}
		line("");
	}

	private void idle() {
		line("| idle connections | held / wanted | heap per connection KB | × echo | OS threads before → after | × echo | server open files |");
		line("|---|---|---|---|---|---|---|");
		for (String target : scopes()) {
			String p = target + ".idle.";
			if (!r.containsKey(p + "held")) {
				continue;
			}
			line("| " + target + " | " + f(p + "held", 0) + " / " + f(p + "wanted", 0) + " | "
					+ f(p + "heap-per-connection-kb", 1) + " | " + ratio(p + "heap-per-connection-kb",
							"echo.idle.heap-per-connection-kb")
					+ " | " + f(p + "threads-before", 0) + " → " + f(p + "threads-after", 0) + " | "
					+ ratio(p + "threads-after", "echo.idle.threads-after") + " | " + f(p + "server-open-files", 0)
					+ " |");
		}
		line("");
	}

	private void throughput(String target) {
		if (rates(target).isEmpty()) {
			return;
		}
		line("**" + target + ": throughput** (latency from the scheduled send time; × echo = ratio to the echo round"
				+ " trip at the same rate and percentile; aim = p99 / (2 × (echo p99 + insert p99)), at most 1)");
		line("");
		line("| target msg/s | delivered/s | × inserts/s | visitor→agent p50 / p99 / p99.9 ms | × echo | agent→visitor p50 / p99 / p99.9 ms | × echo | ack p99 ms | aim | lost | duplicated | pushed out of order | holes at end | refused + unacked | cores: server / generator / PostgreSQL / machine | load |");
		line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (String rate : rates(target)) {
			String p = target + ".throughput." + rate + ".";
			String e = "echo.throughput." + rate + ".round-trip.";
			double budget = 2 * (d(e + "p99-ms") + d("pg.insert.latency.p99-ms"));
			double worstP99 = Math.max(d(p + "visitor-to-agent.p99-ms"), d(p + "agent-to-visitor.p99-ms"));
			line("| " + rate + " | " + f(p + "delivered-per-second", 0) + " | "
					+ ratio(p + "delivered-per-second", "pg.insert.per-second") + " | " + percentiles(p + "visitor-to-agent.")
					+ " | " + ratios(p + "visitor-to-agent.", e) + " | " + percentiles(p + "agent-to-visitor.") + " | "
					+ ratios(p + "agent-to-visitor.", e) + " | " + f(p + "ack.p99-ms", 1) + " | "
					+ String.format(Locale.ROOT, "%.1f", worstP99 / budget) + " | " + f(p + "lost", 0) + " | "
					+ f(p + "duplicated", 0) + " | " + f(p + "pushed-out-of-order", 0) + " | " + f(p + "seq-holes-at-end", 0)
					+ " | " + f(p + "refused", 0) + " + " + f(p + "unacked", 0) + " | " + cores(p) + " | "
					+ r.getOrDefault(p + "loadavg", "") + " |");
		}
		line("");
	}

	private void burst(String target) {
		String p = target + ".burst.";
		if (!r.containsKey(p + "chats")) {
			return;
		}
		// The echo's highest rate: the least disturbed by warm-up, and closest to a burst's load.
		double base = rates("echo").isEmpty() ? Double.NaN
				: d("echo.throughput." + rates("echo").last() + ".round-trip.p99-ms") + d("pg.insert.latency.p99-ms");
		line("**" + target + ": burst of new chats** (from the scheduled POST to the `assigned` push)");
		line("");
		line("| chats/s | chats | assigned | unavailable / failed / unanswered in 60 s | p50 / p99 / p99.9 ms | p99 × (echo p99 + insert p99) | HTTP answer p99 ms | HTTP answer p50 ms | peak load / capacity | agents over capacity | cores: server / generator / PostgreSQL / machine | load |");
		line("|---|---|---|---|---|---|---|---|---|---|---|---|");
		line("| " + f(p + "achieved-per-second", 0) + " | " + f(p + "chats", 0) + " | " + f(p + "assigned", 0) + " | "
				+ f(p + "unavailable", 0) + " / " + f(p + "failed", 0) + " / " + f(p + "unanswered-after-60s", 0) + " | " + percentiles(p + "assigned-after.") + " | "
				+ String.format(Locale.ROOT, "%.1f", d(p + "assigned-after.p99-ms") / base) + " | "
				+ f(p + "http-answer.p99-ms", 0) + " | " + f(p + "http-answer.p50-ms", 0) + " | "
				+ f(p + "agent-peak-load", 0) + " / " + f(p + "agent-capacity", 0) + " | "
				+ f(p + "agents-over-capacity", 0) + " | " + cores(p) + " | " + r.getOrDefault(p + "loadavg", "") + " |");
		line("");
	}

	private String percentiles(String p) {
		if (d(p + "count") == 0) {
			return "none arrived";
		}
		return f(p + "p50-ms", 1) + " / " + f(p + "p99-ms", 1) + " / " + f(p + "p999-ms", 1);
	}

	private String ratios(String p, String baseline) {
		return ratio(p + "p50-ms", baseline + "p50-ms") + " / " + ratio(p + "p99-ms", baseline + "p99-ms") + " / "
				+ ratio(p + "p999-ms", baseline + "p999-ms");
	}

	private TreeSet<String> scopes() {
		TreeSet<String> scopes = new TreeSet<>();
		r.keySet().forEach(k -> scopes.add(k.substring(0, k.indexOf('.'))));
		scopes.removeAll(java.util.List.of("machine", "run", "pg"));
		return scopes;
	}

	private TreeSet<String> targets() {
		TreeSet<String> targets = scopes();
		targets.removeIf(s -> !s.startsWith("kefu"));
		return targets;
	}

	private TreeSet<String> rates(String target) {
		TreeSet<String> rates = new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
		String prefix = target + ".throughput.";
		r.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(k -> rates.add(k.substring(prefix.length()).split("\\.")[0]));
		return rates;
	}

	private String ratio(String key, String baseline) {
		if (!r.containsKey(key) || !r.containsKey(baseline) || d(baseline) == 0) {
			return "–";
		}
		return String.format(Locale.ROOT, "%.2f", d(key) / d(baseline));
	}

	private double d(String key) {
		return Double.parseDouble(r.getOrDefault(key, "NaN"));
	}

	private String cores(String p) {
		return f(p + "cpu.server-cores", 2) + " / " + f(p + "cpu.generator-cores", 2) + " / "
				+ f(p + "cpu.postgres-cores", 2) + " / " + f(p + "cpu.machine-busy-cores", 2);
	}

	private String f(String key, int decimals) {
		return r.containsKey(key) ? String.format(Locale.ROOT, "%." + decimals + "f", d(key)) : "–";
	}

	private void line(String s) {
		md.append(s).append('\n');
	}
}
