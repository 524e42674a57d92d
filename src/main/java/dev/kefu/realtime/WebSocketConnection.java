package dev.kefu.realtime;

import org.jspecify.annotations.Nullable;
import java.net.InetSocketAddress;
import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * A WebSocket connection. Sends from many threads are serialised by Spring's decorator; a client that stops reading
 * is cut off once its buffer passes the limit, so one slow phone cannot hold up a busy agent's fan-out.
 */
final class WebSocketConnection implements LiveConnection {

	static final int SEND_TIME_LIMIT_MS = 10_000;
	static final int BUFFER_LIMIT_BYTES = 512 * 1024;

	private static final Logger log = LoggerFactory.getLogger(WebSocketConnection.class);

	private final WebSocketSession session;

	WebSocketConnection(WebSocketSession session) {
		this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES,
				ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
	}

	@Override
	public String id() {
		return session.getId();
	}

	@Override
	public void send(String frame) {
		if (!session.isOpen()) {
			return;
		}
		try {
			session.sendMessage(new TextMessage(frame));
		}
		catch (IOException | RuntimeException failed) {
			// Gone, or a frame the container cannot encode: whatever it is, it ends this connection only, never the
			// fan-out to the others. The client reconnects and catches up by sequence number.
			log.debug("Closing connection {}: sending failed", id(), failed);
			close();
		}
	}

	@Override
	public @Nullable String remoteAddress() {
		InetSocketAddress address = session.getRemoteAddress();
		return address == null || address.getAddress() == null ? null : address.getAddress().getHostAddress();
	}

	@Override
	public void close() {
		try {
			session.close(CloseStatus.GOING_AWAY);
		}
		catch (IOException | RuntimeException ignored) {
			// Already closed: nothing left to release.
		}
	}
}
