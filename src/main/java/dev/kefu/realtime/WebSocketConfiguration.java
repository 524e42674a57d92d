package dev.kefu.realtime;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Any origin may connect: authority comes from the token in the auth frame, never from cookies, so a foreign page
 * gains nothing by opening a socket.
 * <p>
 * Most connections are idle widgets, so what a connection costs at rest decides how many a node holds. Tomcat
 * allocates its buffers per connection up front (by default about 67 KB of heap; with a whole-frame buffer as large
 * as the protocol's frame limit, 184 KB: docs/benchmarks.md). Chat frames are small, so every buffer is cut to 1 KiB
 * and large frames arrive in pieces that {@link FrameAssembly} joins.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

	/** Frames longer than this close the connection (code 1009); the protocol's own limits are lower. */
	static final int MAX_FRAME_CHARS = 64 * 1024;

	/** The container's text and I/O buffers, per connection. */
	static final int BUFFER_BYTES = 1024;

	/** The connector's socket buffers, per connection; HTTP requests and uploads read in chunks of this size. */
	static final int SOCKET_BUFFER_BYTES = 2048;

	private final RealtimeGateway gateway;

	WebSocketConfiguration(RealtimeGateway gateway) {
		this.gateway = gateway;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(gateway, "/ws").setAllowedOriginPatterns("*");
	}

	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(BUFFER_BYTES);
		container.setMaxBinaryMessageBufferSize(BUFFER_BYTES);
		// Clients ping every 25 s; background tabs may stretch that to a minute. Three silent minutes means gone.
		container.setMaxSessionIdleTimeout(180_000L);
		return container;
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallConnectionBuffers() {
		return factory -> {
			// Tomcat's WebSocket layer reads its input, output and encoder buffer sizes from this system property
			// once, when it starts; runs before the server starts, and an explicit -D setting wins.
			if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
				System.setProperty(TOMCAT_WEBSOCKET_BUFFER, String.valueOf(BUFFER_BYTES));
			}
			factory.addConnectorCustomizers(connector -> {
				connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_BUFFER_BYTES));
				connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_BUFFER_BYTES));
			});
		};
	}

	private static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
}
