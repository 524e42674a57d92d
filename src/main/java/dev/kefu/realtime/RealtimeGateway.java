package dev.kefu.realtime;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** The WebSocket endpoint {@code /ws}. A connection must authenticate within {@value #AUTH_TIMEOUT_SECONDS} s. */
@Component
class RealtimeGateway extends TextWebSocketHandler implements DisposableBean {

	static final int AUTH_TIMEOUT_SECONDS = 15;
	private static final String SESSION = "kefu.session";

	private final Protocol protocol;
	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ws-auth-timeout").daemon().factory());

	RealtimeGateway(Protocol protocol) {
		this.protocol = protocol;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession webSocket) {
		Protocol.Session session = new Protocol.Session(new WebSocketConnection(webSocket));
		webSocket.getAttributes().put(SESSION, session);
		timer.schedule(() -> {
			if (session.caller == null) {
				session.connection.close();
			}
		}, AUTH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	/** Pieces, not whole frames: the container then needs only a small buffer per connection. */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	protected void handleTextMessage(WebSocketSession webSocket, TextMessage message) throws IOException {
		Protocol.Session session = (Protocol.Session) webSocket.getAttributes().get(SESSION);
		String frame;
		try {
			frame = session.assembly.add(message.getPayload(), message.isLast());
		}
		catch (FrameAssembly.FrameTooLarge tooLarge) {
			webSocket.close(CloseStatus.TOO_BIG_TO_PROCESS.withReason("frame larger than "
					+ WebSocketConfiguration.MAX_FRAME_CHARS + " characters"));
			return;
		}
		if (frame != null) {
			protocol.handle(session, frame);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession webSocket, CloseStatus status) {
		Protocol.Session session = (Protocol.Session) webSocket.getAttributes().get(SESSION);
		if (session != null) {
			protocol.closed(session);
		}
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}
}
