package dev.kefu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Recorder;

/**
 * Does a flood of bogus logins slow the chats down (issue 11)? Chats run at a steady rate, first alone ("idle"),
 * then beside an open-loop flood of wrong-password logins for random usernames: from many addresses (a forwarded
 * address of its own per attempt, so the per-address limit never steps in and every attempt reaches the password
 * check; Kefu must run with {@code server.forward-headers-strategy=native}), then from one address. The figure is the
 * chat ack p99 under the flood divided by the idle one; the aim is at most 2.
 */
final class LoginFloodScenario {

	private LoginFloodScenario() {
	}

	static void run(Args args, Results results, ThroughputScenario chats, String url) throws Exception {
		int chatRate = args.getInt("chat-rate", 200);
		int loginRate = args.getInt("login-rate", 50);
		double warmup = Double.parseDouble(args.get("warmup", "5"));
		double measure = Double.parseDouble(args.get("measure", "20"));
		results.put("login-flood.chat-rate", chatRate);
		results.put("login-flood.login-rate", loginRate);
		chats.measure("login-flood.idle.", chatRate, warmup, measure);
		for (String mode : args.get("flood-modes", "many-addresses,one-address").split(",")) {
			Flood flood = new Flood(url, loginRate, mode.equals("many-addresses"));
			Thread.ofPlatform().name("login-flood").daemon().start(flood::run);
			try {
				chats.measure("login-flood." + mode + ".", chatRate, warmup, measure);
			}
			finally {
				flood.stop();
			}
			flood.put(results, "login-flood." + mode + ".", warmup + measure);
			Thread.sleep(3000);
		}
		chats.measure("login-flood.idle-after.", chatRate, warmup, measure);
	}

	/** Wrong-password logins at a fixed rate, whatever the answers; at most 512 outstanding. */
	static final class Flood {

		private final HttpClient http = HttpClient.newHttpClient();
		private final URI login;
		private final long periodNanos;
		private final boolean manyAddresses;
		private final Semaphore outstanding = new Semaphore(512);
		private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
		private final AtomicLong skipped = new AtomicLong();
		private final Recorder latency = Latency.recorder();
		private volatile boolean running = true;

		Flood(String url, int perSecond, boolean manyAddresses) {
			this.login = URI.create(url + "/api/v1/auth/login");
			this.periodNanos = 1_000_000_000L / perSecond;
			this.manyAddresses = manyAddresses;
		}

		void run() {
			long next = System.nanoTime();
			long n = 0;
			while (running) {
				if (System.nanoTime() < next) {
					LockSupport.parkNanos(next - System.nanoTime());
					continue;
				}
				send(n++, next);
				next += periodNanos;
			}
		}

		private void send(long n, long due) {
			if (!outstanding.tryAcquire()) {
				skipped.incrementAndGet();
				return;
			}
			ThreadLocalRandom random = ThreadLocalRandom.current();
			String address = manyAddresses ? "10." + random.nextInt(256) + "." + random.nextInt(256) + "."
					+ random.nextInt(1, 255) : "10.99.99.99";
			HttpRequest request = HttpRequest.newBuilder(login)
				.header("content-type", "application/json")
				.header("x-forwarded-for", address)
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"username\":\"flood-" + n + "\",\"password\":\"wrong-password-" + n + "\"}"))
				.build();
			http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
				outstanding.release();
				int status = response == null ? -1 : response.statusCode();
				statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
				Latency.record(latency, System.nanoTime() - due);
			});
		}

		void stop() throws InterruptedException {
			running = false;
			outstanding.acquire(512);
			outstanding.release(512);
		}

		void put(Results results, String p, double seconds) {
			Map<Integer, AtomicLong> sorted = new TreeMap<>(statuses);
			long total = sorted.values().stream().mapToLong(AtomicLong::get).sum();
			results.put(p + "logins-per-second", total / seconds);
			sorted.forEach((status, count) -> results.put(p + "logins." + status, count.get()));
			results.put(p + "logins.skipped", skipped.get());
			Latency.put(results, p + "login", latency.getIntervalHistogram());
		}
	}
}
