package dev.kefu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * One client WebSocket. The JDK client allows one outstanding send per socket, so frames are queued and written one
 * after the other; the scheduler that calls {@link #send} never waits, which keeps the send schedule honest when the
 * server is slow (the delay then shows up as latency instead of as fewer messages).
 */
final class Live implements WebSocket.Listener {

	private final BiConsumer<Live, String> onFrame;
	private final StringBuilder partial = new StringBuilder();
	private final Queue<String> outbox = new ArrayDeque<>();
	private boolean writing;
	private volatile WebSocket socket;
	private volatile boolean closed;
	/** Whatever the scenario wants to keep with the connection (a visitor, an agent). */
	volatile Object owner;

	private Live(BiConsumer<Live, String> onFrame) {
		this.onFrame = onFrame;
	}

	static CompletableFuture<Live> open(HttpClient http, URI uri, BiConsumer<Live, String> onFrame) {
		Live live = new Live(onFrame);
		return http.newWebSocketBuilder().buildAsync(uri, live).thenApply(socket -> {
			live.socket = socket;
			return live;
		});
	}

	void send(String frame) {
		synchronized (this) {
			if (writing) {
				outbox.add(frame);
				return;
			}
			writing = true;
		}
		write(frame);
	}

	private void write(String frame) {
		socket.sendText(frame, true).whenComplete((s, failure) -> {
			String next;
			synchronized (this) {
				next = failure == null ? outbox.poll() : null;
				if (next == null) {
					writing = false;
					return;
				}
			}
			write(next);
		});
	}

	boolean isClosed() {
		return closed;
	}

	void close() {
		WebSocket s = socket;
		if (s != null) {
			s.abort();
		}
		closed = true;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			String frame = partial.toString();
			partial.setLength(0);
			onFrame.accept(this, frame);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		closed = true;
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		closed = true;
	}
}
