package dev.kefu.realtime;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.kefu.shared.Ids;

/**
 * The fallback for networks that block WebSocket: the same server frames as Server-Sent Events on
 * {@code GET /api/v1/events}; sending goes through the plain HTTP API. After (re)connecting, a client catches up
 * with {@code GET /api/v1/conversations/{id}/messages?after=<last seq>}, so the guarantees are the WebSocket's.
 */
@RestController
class EventStreamController implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventStreamController.class);

	private final Protocol protocol;
	private final Map<String, SseConnection> open = new ConcurrentHashMap<>();
	private volatile boolean running;

	EventStreamController(Protocol protocol) {
		this.protocol = protocol;
	}

	@GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@AuthenticationPrincipal Object caller,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestParam(name = "access_token", required = false) @Nullable String accessToken) {
		SseEmitter emitter = new SseEmitter(0L);
		SseConnection connection = new SseConnection(Ids.newId().toString(), emitter);
		Protocol.Session session = new Protocol.Session(connection);
		Runnable closed = () -> {
			if (open.remove(connection.id()) != null) {
				protocol.closed(session);
			}
		};
		emitter.onCompletion(closed);
		emitter.onTimeout(closed);
		emitter.onError(e -> closed.run());
		open.put(connection.id(), connection);
		protocol.attach(session, caller, bearer(authorization, accessToken));
		connection.send(protocol.ready(session, null));
		return emitter;
	}

	/** The token the filter authenticated this stream with (header first, as there). */
	private static @Nullable String bearer(@Nullable String authorization, @Nullable String accessToken) {
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).strip();
		}
		return accessToken;
	}

	/** Keeps proxies from closing an idle stream, and finds streams whose client is gone. */
	@Scheduled(fixedDelay = 25_000)
	void heartbeat() {
		open.values().forEach(SseConnection::comment);
	}

	/** How many streams are open on this node. */
	int openStreams() {
		return open.size();
	}

	@Override
	public void start() {
		running = true;
	}

	/**
	 * Ends open streams before the web server's graceful shutdown (a later phase) would wait for them forever;
	 * clients reconnect to another node and catch up.
	 */
	@Override
	public void stop() {
		running = false;
		open.values().forEach(SseConnection::close);
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	static final class SseConnection implements LiveConnection {

		private final String id;
		private final SseEmitter emitter;
		private boolean gone;

		SseConnection(String id, SseEmitter emitter) {
			this.id = id;
			this.emitter = emitter;
		}

		@Override
		public String id() {
			return id;
		}

		@Override
		public synchronized void send(String frame) {
			send(SseEmitter.event().data(frame, MediaType.APPLICATION_JSON));
		}

		synchronized void comment() {
			send(SseEmitter.event().comment("keep-alive"));
		}

		/** A client that went away is an everyday event: one line, no stack trace. */
		private void send(SseEmitter.SseEventBuilder event) {
			if (gone) {
				return;
			}
			try {
				emitter.send(event);
			}
			catch (IOException | RuntimeException e) {
				gone = true;
				log.info("event stream {} dropped: {}", id, e.getMessage());
				emitter.completeWithError(e);
			}
		}

		@Override
		public void close() {
			emitter.complete();
		}
	}
}
