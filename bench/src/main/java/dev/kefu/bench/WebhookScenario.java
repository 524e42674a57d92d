package dev.kefu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Webhook fan-out (issue 12): chats at 200 messages/s make 200 {@code message.created} events/s for one endpoint on a
 * local receiver. Figures: delivery latency from event to receipt, p50 and p99; then a 1-minute receiver outage under
 * the same load, and how long the backlog takes to drain once the receiver is back. The baseline is a bare HTTP POST
 * loop from this process to the same receiver in the same run: the same rate for latency, and as many requests as
 * the backlog, 16 at a time, for the drain. The chats also run first without any endpoint, so the cost of webhooks
 * to the chats' own latency shows as well.
 */
final class WebhookScenario {

	private WebhookScenario() {
	}

	static void run(Args args, Results results, ThroughputScenario chats, KefuApi api) throws Exception {
		int rate = args.getInt("event-rate", 200);
		double warmup = Double.parseDouble(args.get("warmup", "5"));
		double measure = Double.parseDouble(args.get("measure", "30"));
		int outage = args.getInt("outage-seconds", 60);
		HookReceiver receiver = new HookReceiver();
		results.put("webhooks.event-rate", rate);

		bareLoop(results, receiver, rate, warmup, measure);
		// The same chats before any endpoint exists: what the webhooks then cost the chats themselves.
		chats.measure("webhooks.without.", rate, warmup, measure);

		String admin = api.login("admin", args.get("admin-password", "kefu-admin")).token();
		KefuApi.ok(api.send("POST", "/api/v1/admin/webhooks", admin, "{\"url\":" + KefuApi.quote(receiver.url())
				+ ",\"events\":[\"message.created\"]}").join());

		// Steady: latency of the deliveries of events made inside the measured window.
		Instant from = Instant.now().plusMillis((long) (warmup * 1000));
		receiver.latency = Latency.recorder();
		receiver.windowFrom = from;
		receiver.windowTo = from.plusMillis((long) (measure * 1000));
		receiver.countFrom = Instant.now();
		receiver.counted.set(0);
		chats.measure("webhooks.steady.", rate, warmup, measure);
		long events = chats.acked();
		waitFor(() -> receiver.counted.get() >= events, 60);
		results.put("webhooks.steady.events", events);
		results.put("webhooks.steady.delivered", receiver.counted.get());
		Latency.put(results, "webhooks.steady.delivery", receiver.latency.getIntervalHistogram());

		// Outage: the receiver refuses connections for a minute while the chats go on; then it is back and the chats
		// stop, and the backlog (every event made before that moment) must drain.
		receiver.countFrom = Instant.now();
		receiver.counted.set(0);
		receiver.windowFrom = Instant.MAX;
		Thread load = Thread.ofPlatform().start(() -> {
			try {
				chats.measure("webhooks.outage.", rate, 0, outage + 5);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		Thread.sleep(5000);
		receiver.down();
		long downAt = System.nanoTime();
		AtomicLong peak = new AtomicLong();
		while (System.nanoTime() - downAt < outage * 1_000_000_000L) {
			Thread.sleep(1000);
		}
		load.join();
		long made = chats.acked();
		long backlog = made - receiver.counted.get();
		receiver.drainedBefore = Instant.now();
		receiver.drainPending.set(backlog);
		receiver.up();
		long upAt = System.nanoTime();
		boolean drained = waitFor(() -> receiver.counted.get() >= made, 600);
		double drainSeconds = (System.nanoTime() - upAt) / 1e9;
		peak.set(backlog);
		results.put("webhooks.outage.seconds", outage);
		results.put("webhooks.outage.events", made);
		results.put("webhooks.outage.backlog-at-recovery", backlog);
		results.put("webhooks.outage.drained", drained ? "yes" : "no");
		results.put("webhooks.outage.backlog-left", made - receiver.counted.get());
		results.put("webhooks.outage.drain-seconds", drainSeconds);
		results.put("webhooks.outage.drain-per-second", backlog / drainSeconds);
		results.put("webhooks.repeated-deliveries", receiver.repeated.get());

		bareDrain(results, receiver, (int) Math.max(backlog, 1));
		receiver.stop();
	}

	/** The same rate, straight from here to the receiver: what the network and the receiver cost by themselves. */
	private static void bareLoop(Results results, HookReceiver receiver, int rate, double warmup, double measure)
			throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI target = URI.create(receiver.url());
		Instant from = Instant.now().plusMillis((long) (warmup * 1000));
		receiver.latency = Latency.recorder();
		receiver.windowFrom = from;
		receiver.windowTo = from.plusMillis((long) (measure * 1000));
		long period = 1_000_000_000L / rate;
		long end = System.nanoTime() + (long) ((warmup + measure) * 1e9);
		long next = System.nanoTime();
		Semaphore outstanding = new Semaphore(512);
		long n = 0;
		while (next < end) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
				continue;
			}
			outstanding.acquire();
			http.sendAsync(post(target, "bare-" + n++, Instant.now()), HttpResponse.BodyHandlers.discarding())
				.whenComplete((r, e) -> outstanding.release());
			next += period;
		}
		outstanding.acquire(512);
		Latency.put(results, "webhooks.bare-loop.delivery", receiver.latency.getIntervalHistogram());
		receiver.windowFrom = Instant.MAX;
	}

	/** As many POSTs as the backlog was, 16 at a time: how fast the receiver can take them at all. */
	private static void bareDrain(Results results, HookReceiver receiver, int count) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI target = URI.create(receiver.url());
		Semaphore outstanding = new Semaphore(16);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			outstanding.acquire();
			http.sendAsync(post(target, "bare-drain-" + i, Instant.now()), HttpResponse.BodyHandlers.discarding())
				.whenComplete((r, e) -> outstanding.release());
		}
		outstanding.acquire(16);
		double seconds = (System.nanoTime() - start) / 1e9;
		results.put("webhooks.bare-drain.requests", count);
		results.put("webhooks.bare-drain.seconds", seconds);
		results.put("webhooks.bare-drain.per-second", count / seconds);
	}

	private static HttpRequest post(URI target, String id, Instant at) {
		return HttpRequest.newBuilder(target)
			.header("content-type", "application/json")
			.header("webhook-id", id)
			.POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"bare\",\"timestamp\":\"" + at + "\",\"data\":{}}"))
			.build();
	}

	private static boolean waitFor(java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(100);
		}
		return true;
	}
}
