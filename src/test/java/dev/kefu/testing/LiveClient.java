package dev.kefu.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A protocol client for tests: a real WebSocket that collects the server's frames in order. */
public final class LiveClient implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WebSocket socket;
	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
	private volatile boolean closed;
	private volatile int closeCode;

	private LiveClient(HttpClient http, int port) {
		this.socket = http.newWebSocketBuilder()
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Collector())
			.join();
	}

	public static LiveClient connect(HttpClient http, int port) {
		return new LiveClient(http, port);
	}

	/** Connects and authenticates, returning the client once the ready frame arrived. */
	public static LiveClient authenticated(HttpClient http, int port, String token) {
		LiveClient client = connect(http, port);
		client.send("{\"type\":\"auth\",\"id\":\"auth\",\"token\":\"" + token + "\"}");
		client.next("ready");
		return client;
	}

	public void send(String frame) {
		socket.sendText(frame, true).join();
	}

	/** The next frame of that type, skipping others; fails after five seconds. */
	public JsonNode next(String type) {
		return next(frame -> frame.path("type").asString("").equals(type), type);
	}

	public JsonNode next(Predicate<JsonNode> wanted, String what) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		try {
			while (true) {
				long left = deadline - System.nanoTime();
				JsonNode frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
				assertThat(frame).as("waiting for %s", what).isNotNull();
				if (wanted.test(frame)) {
					return frame;
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The next frame of any type, or null when none arrives within the timeout. */
	public @Nullable JsonNode poll(Duration timeout) {
		try {
			return frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The next message frame of a conversation. */
	public JsonNode nextMessage() {
		return next("message").path("message");
	}

	public boolean isClosed() {
		return closed;
	}

	/** The close code the server sent, once closed (0 before). */
	public int closeCode() {
		return closeCode;
	}

	@Override
	public void close() {
		socket.abort();
	}

	private final class Collector implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				frames.add(json.readTree(partial.toString()));
				partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closeCode = statusCode;
			closed = true;
			return null;
		}
	}
}
