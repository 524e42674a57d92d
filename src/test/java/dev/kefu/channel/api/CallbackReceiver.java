package dev.kefu.channel.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real callback receiver (as WebhookDeliveryTest's) on a random local port: keeps every request it gets, and answers with the next scripted
 * status (then 204 once the script is used up).
 */
final class CallbackReceiver implements AutoCloseable {

	record Received(String id, String timestamp, String signature, String body) {

		JsonNode json() {
			return JsonMapper.builder().build().readTree(body);
		}
	}

	private final HttpServer server;
	private final List<Received> received = new CopyOnWriteArrayList<>();
	private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
	private volatile int otherwise = 204;

	CallbackReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"), body));
			Integer status = script.poll();
			exchange.sendResponseHeaders(status == null ? otherwise : status, -1);
			exchange.close();
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	/** The next requests get these statuses, in turn. */
	CallbackReceiver answer(Integer... statuses) {
		script.addAll(List.of(statuses));
		return this;
	}

	/** Every request after the script gets this status. */
	CallbackReceiver otherwise(int status) {
		otherwise = status;
		return this;
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	List<Received> ofType(String type) {
		return received.stream().filter(r -> r.json().path("type").asString().equals(type)).toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
