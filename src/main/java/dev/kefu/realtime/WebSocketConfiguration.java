package dev.kefu.realtime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Any origin may connect: authority comes from the token in the auth frame, never from cookies, so a foreign page
 * gains nothing by opening a socket.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

	/** Frames larger than this are refused by the container (close code 1009); the protocol's own limits are lower. */
	static final int MAX_FRAME_BYTES = 64 * 1024;

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
		container.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
		container.setMaxBinaryMessageBufferSize(1024);
		// Clients ping every 25 s; background tabs may stretch that to a minute. Three silent minutes means gone.
		container.setMaxSessionIdleTimeout(180_000L);
		return container;
	}
}
