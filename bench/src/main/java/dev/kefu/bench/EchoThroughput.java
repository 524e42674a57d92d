package dev.kefu.bench;

import java.util.List;

import org.HdrHistogram.Recorder;

/**
 * The baseline for delivery latency: the same schedule, rate and number of connections against the bare echo
 * server. Each frame carries the time it was due; the round trip ends when the echo comes back.
 */
final class EchoThroughput {

	private EchoThroughput() {
	}

	static void run(Args args, Results results, ServerProbe server, Clients clients) throws Exception {
		int connections = 2 * args.getInt("pairs", 256);
		Recorder roundTrips = Latency.recorder();
		List<Live> open = Connector.openAll(clients, connections, i -> "hello", f -> f.equals("hello"), (live, f) -> {
			long now = System.nanoTime();
			int space = f.indexOf(' ', 2);
			if (f.charAt(0) == 'm') {
				Latency.record(roundTrips, now - Long.parseLong(f.substring(2, space)));
			}
		});
		double warmup = Double.parseDouble(args.get("warmup", "5"));
		double measure = Double.parseDouble(args.get("measure", "20"));
		for (String r : args.get("rates", "500,1000,2000").split(",")) {
			int rate = Integer.parseInt(r.strip());
			Schedule<Live> schedule = new Schedule<>(open, rate);
			// Frames due in the warm-up are tagged 'w' and not recorded.
			roundTrips.reset();
			schedule.run(warmup, measure, (live, n, due, measured) -> live
				.send((measured ? "m " : "w ") + due + " bench message " + n + " at rate " + rate));
			int threads = server.threads();
			Thread.sleep(2000);
			String p = "throughput." + rate + ".";
			results.put(p + "connections", connections);
			Latency.put(results, p + "round-trip", roundTrips.getIntervalHistogram());
			results.put(p + "server-threads", threads);
			results.put(p + "loadavg", ThroughputScenario.loadAverage());
		}
		open.forEach(Live::close);
	}
}
