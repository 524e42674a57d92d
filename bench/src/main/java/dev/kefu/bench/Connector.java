package dev.kefu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Opens many connections, a bounded number at a time, each sending its first frame (Kefu: {@code auth}; echo: any
 * text) and counting as ready when the expected answer arrives. Frames after that go to the scenario's handler.
 */
final class Connector {

	private static final int IN_FLIGHT = 200;

	private Connector() {
	}

	static List<Live> openAll(Clients clients, int count, IntFunction<String> firstFrame, Predicate<String> isReady,
			BiConsumer<Live, String> afterReady) throws InterruptedException {
		Semaphore inFlight = new Semaphore(IN_FLIGHT);
		List<CompletableFuture<Live>> pending = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			inFlight.acquire();
			CompletableFuture<Live> ready = new CompletableFuture<>();
			String first = firstFrame.apply(i);
			clients.open((live, frame) -> {
				if (!ready.isDone() && isReady.test(frame)) {
					ready.complete(live);
				}
				else {
					afterReady.accept(live, frame);
				}
			}).whenComplete((live, failure) -> {
				if (failure != null) {
					ready.completeExceptionally(failure);
				}
				else {
					live.send(first);
				}
			});
			ready.orTimeout(60, TimeUnit.SECONDS).whenComplete((l, f) -> inFlight.release());
			pending.add(ready);
		}
		List<Live> open = new ArrayList<>(count);
		int failed = 0;
		Throwable firstFailure = null;
		for (CompletableFuture<Live> p : pending) {
			try {
				open.add(p.join());
			}
			catch (RuntimeException e) {
				failed++;
				firstFailure = firstFailure == null ? e : firstFailure;
			}
		}
		if (failed > 0) {
			System.err.println(failed + " of " + count + " connections failed; first: " + firstFailure);
		}
		return open;
	}

	static String auth(String token) {
		return "{\"type\":\"auth\",\"id\":\"auth\",\"token\":\"" + token + "\"}";
	}

	static boolean isReady(String frame) {
		return frame.startsWith("{\"type\":\"ready\"");
	}
}
