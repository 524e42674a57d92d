package dev.kefu.bench;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The baseline for every Kefu figure: a bare WebSocket echo on Kefu's own stack (Spring Boot webmvc + websocket on
 * Tomcat, virtual threads, the same container limits and the same send decorator per connection). Whatever Kefu costs
 * above this is Kefu's; whatever this costs is the stack's.
 */
@SpringBootApplication
@EnableWebSocket
public class EchoServer implements WebSocketConfigurer {

	/** Kefu's WebSocketConfiguration.MAX_FRAME_BYTES; overridable to show what the buffer size costs per connection. */
	@Value("${bench.echo.text-buffer:65536}")
	private int textBuffer;

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(EchoServer.class);
		app.setDefaultProperties(java.util.Map.of("spring.threads.virtual.enabled", "true", "server.shutdown",
				"graceful", "spring.main.banner-mode", "off"));
		app.run(args);
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new Echo(), "/ws").setAllowedOriginPatterns("*");
	}

	/** Kefu's container settings (realtime.WebSocketConfiguration), the text buffer made adjustable. */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(textBuffer);
		container.setMaxBinaryMessageBufferSize(1024);
		container.setMaxSessionIdleTimeout(180_000L);
		return container;
	}

	/**
	 * Tomcat gives every connection a read and a write buffer of 8 KiB ({@code socket.appReadBufSize},
	 * {@code socket.appWriteBufSize}); for the "tuned" variant only. Kefu runs with the defaults.
	 */
	@Bean
	TomcatConnectorCustomizer socketBuffers(@Value("${bench.echo.socket-buffer:0}") int bytes) {
		return connector -> {
			if (bytes > 0) {
				connector.setProperty("socket.appReadBufSize", Integer.toString(bytes));
				connector.setProperty("socket.appWriteBufSize", Integer.toString(bytes));
			}
		};
	}

	static final class Echo extends TextWebSocketHandler {

		private static final String DECORATED = "bench.decorated";

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			// Kefu wraps every connection like this (realtime.WebSocketConnection); so does the baseline.
			session.getAttributes().put(DECORATED,
					new ConcurrentWebSocketSessionDecorator(session, 10_000, 512 * 1024,
							ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE));
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
			((WebSocketSession) session.getAttributes().get(DECORATED)).sendMessage(message);
		}
	}
}
