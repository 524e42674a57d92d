package dev.kefu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * V connections that authenticate and then say nothing: what an open widget tab costs the server. Heap is measured
 * after full GCs before and after opening them, with the visitor identities already created, so the difference is the
 * connections and not the contacts behind them.
 */
final class IdleScenario {

	private IdleScenario() {
	}

	static void run(Args args, Results results, String target, ServerProbe server, Clients clients, KefuApi api)
			throws Exception {
		int count = args.getInt("idle", 10_000);
		int holdSeconds = args.getInt("idle-hold", 10);
		String p = "idle.";
		List<String> tokens = target.equals("kefu") ? visitorTokens(api, count) : List.of();
		long heapBefore = server.heapAfterGc();
		int threadsBefore = server.threads();
		long t0 = System.nanoTime();
		List<Live> open = target.equals("kefu")
				? Connector.openAll(clients, count, i -> Connector.auth(tokens.get(i)), Connector::isReady, (l, f) -> {
				})
				: Connector.openAll(clients, count, i -> "hello " + i, f -> f.startsWith("hello"), (l, f) -> {
				});
		double openSeconds = (System.nanoTime() - t0) / 1e9;
		Thread.sleep(holdSeconds * 1000L);
		long heapAfter = server.heapAfterGc();
		int threadsAfter = server.threads();
		long held = open.stream().filter(l -> !l.isClosed()).count();
		results.put(p + "wanted", count);
		results.put(p + "held", held);
		results.put(p + "open-per-second", open.size() / openSeconds);
		results.put(p + "heap-before-mb", heapBefore / 1048576.0);
		results.put(p + "heap-after-mb", heapAfter / 1048576.0);
		results.put(p + "heap-per-connection-kb", (heapAfter - heapBefore) / 1024.0 / Math.max(1, held));
		results.put(p + "threads-before", threadsBefore);
		results.put(p + "threads-after", threadsAfter);
		results.put(p + "server-open-files", server.openFiles());
		open.forEach(Live::close);
		Thread.sleep(3000);
	}

	/** Creates visitors through the real API, 32 at a time. */
	static List<String> visitorTokens(KefuApi api, int count) throws InterruptedException {
		Semaphore inFlight = new Semaphore(32);
		List<CompletableFuture<KefuApi.Identity>> pending = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			inFlight.acquire();
			CompletableFuture<KefuApi.Identity> visitor = api.newVisitor("demo");
			visitor.whenComplete((v, f) -> inFlight.release());
			pending.add(visitor);
		}
		return pending.stream().map(v -> v.join().token()).toList();
	}
}
