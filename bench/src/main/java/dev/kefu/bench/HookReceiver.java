package dev.kefu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Recorder;

import tools.jackson.databind.JsonNode;

/**
 * The webhook receiver of the bench: answers 204 to every POST and notes, for each delivery id seen the first time,
 * how long after its event it arrived (the body's {@code timestamp}, set by whoever made the event). It can be taken
 * down (the port refuses connections) and brought back on the same port, to stage an outage.
 */
final class HookReceiver {

	private final int port;
	private final Set<String> seen = ConcurrentHashMap.newKeySet();
	final AtomicLong repeated = new AtomicLong();
	/** First receipts of events at or after {@link #countFrom}. */
	final AtomicLong counted = new AtomicLong();
	volatile Instant countFrom = Instant.MAX;
	/** Latency is recorded for events inside [windowFrom, windowTo). */
	volatile Instant windowFrom = Instant.MAX;
	volatile Instant windowTo = Instant.MAX;
	volatile Recorder latency = Latency.recorder();
	/** When the last first receipt of an event before {@link #drainedBefore} came. */
	volatile Instant drainedBefore = Instant.MIN;
	final AtomicLong drainPending = new AtomicLong();
	volatile long lastDrainReceiptNanos;
	private HttpServer server;

	HookReceiver() throws IOException {
		server = start(0);
		port = server.getAddress().getPort();
	}

	String url() {
		return "http://127.0.0.1:" + port + "/hook";
	}

	synchronized void down() {
		server.stop(0);
	}

	synchronized void up() throws IOException {
		server = start(port);
	}

	void stop() {
		server.stop(0);
	}

	private HttpServer start(int on) throws IOException {
		HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 512);
		http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		http.createContext("/", this::handle);
		http.start();
		return http;
	}

	private void handle(HttpExchange exchange) throws IOException {
		long now = System.nanoTime();
		Instant arrived = Instant.now();
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		String id = exchange.getRequestHeaders().getFirst("webhook-id");
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
		if (id == null || !seen.add(id)) {
			repeated.incrementAndGet();
			return;
		}
		JsonNode json = KefuApi.JSON.readTree(body);
		Instant event = Instant.parse(json.path("timestamp").asString());
		if (!event.isBefore(windowFrom) && event.isBefore(windowTo)) {
			Latency.record(latency, java.time.Duration.between(event, arrived).toNanos());
		}
		if (!event.isBefore(countFrom)) {
			counted.incrementAndGet();
		}
		if (event.isBefore(drainedBefore)) {
			drainPending.decrementAndGet();
			lastDrainReceiptNanos = now;
		}
	}
}
