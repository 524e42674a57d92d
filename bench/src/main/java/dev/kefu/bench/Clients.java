package dev.kefu.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The client side's sockets, spread over several JDK HTTP clients (each has one selector thread, so one client for
 * 10,000 sockets would make that thread the bottleneck) and over 127.0.0.x source addresses (each address has its own
 * ~28,000 ephemeral ports).
 */
final class Clients {

	private final HttpClient[] clients;
	private final URI ws;
	private final AtomicInteger next = new AtomicInteger();

	Clients(String baseUrl, int count, int sourceAddresses) throws UnknownHostException {
		this.ws = URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws");
		this.clients = new HttpClient[count];
		for (int i = 0; i < count; i++) {
			clients[i] = HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(30))
				.localAddress(InetAddress.getByName("127.0.0." + (1 + i % sourceAddresses)))
				.build();
		}
	}

	HttpClient http() {
		return clients[Math.floorMod(next.getAndIncrement(), clients.length)];
	}

	CompletableFuture<Live> open(BiConsumer<Live, String> onFrame) {
		return Live.open(http(), ws, onFrame);
	}
}
