package dev.kefu.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * A real CRM on a random local port, for CRM card tests: keeps every lookup it gets, and answers with the card, the
 * status and the delay it is told to. Requests are served each on a thread of its own, so a slow answer holds up no
 * other.
 */
public final class CrmStub implements AutoCloseable {

	/** One lookup as the CRM saw it. */
	public record Lookup(String id, String timestamp, String signature, String body) {

		public JsonNode json() {
			return Api.json.readTree(body);
		}

		/** Whether the Standard Webhooks signature holds for this secret (docs/integrations.md, "CRM card"). */
		public boolean signedWith(String secret) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
				String expected = "v1," + Base64.getEncoder()
					.encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
				return List.of(signature.split(" ")).contains(expected);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
	}

	private final HttpServer server;
	private final List<Lookup> lookups = new CopyOnWriteArrayList<>();
	private volatile String card = "{\"fields\":[],\"links\":[]}";
	private volatile int status = 200;
	private volatile Duration delay = Duration.ZERO;

	public CrmStub() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/lookup", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			lookups.add(new Lookup(exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"), body));
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			byte[] answer = card.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/lookup";
	}

	/** Every lookup from now on is answered with this card (JSON). */
	public CrmStub answer(String json) {
		card = json;
		return this;
	}

	public CrmStub status(int status) {
		this.status = status;
		return this;
	}

	public CrmStub delay(Duration delay) {
		this.delay = delay;
		return this;
	}

	public List<Lookup> lookups() {
		return List.copyOf(lookups);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
