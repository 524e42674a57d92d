package dev.kefu.testing;

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
 * A real webhook (or channel callback) receiver on a random local port: keeps every request it gets, and answers with the next scripted
 * status (then 204 once the script is used up).
 */
public final class Receiver implements AutoCloseable {

	public record Received(String id, String timestamp, String signature, String body) {

		public JsonNode json() {
			return JsonMapper.builder().build().readTree(body);
		}
	}

	private final HttpServer server;
	private final List<Received> received = new CopyOnWriteArrayList<>();
	private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
	private volatile int otherwise = 204;

	public Receiver() throws IOException {
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

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	/** The next requests get these statuses, in turn. */
	public Receiver answer(Integer... statuses) {
		script.addAll(List.of(statuses));
		return this;
	}

	/** Every request after the script gets this status. */
	public Receiver otherwise(int status) {
		otherwise = status;
		return this;
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	public List<Received> ofType(String type) {
		return received.stream().filter(r -> r.json().path("type").asString().equals(type)).toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
