package dev.kefu.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real chat over HTTP that an agent has taken: the customer and the agent write, the agent closes it, the customer
 * rates it. {@code seqs} are the sequence numbers of what was written, in order.
 */
public record ServedChat(Api api, String id, String visitor, String agentToken, List<Long> seqs) {

	/** The agent goes online and a new visitor of the tenant asks for a chat, which the agent is given. */
	public static ServedChat start(Api api, TestTenant tenant, String agentToken) {
		api.status(agentToken, "ONLINE");
		String visitor = api.visitor(tenant.slug());
		String id = api.startChat(visitor).path("conversation").path("id").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/" + id, agentToken).path("state").asString().equals("ASSIGNED"));
		return new ServedChat(api, id, visitor, agentToken, new CopyOnWriteArrayList<>());
	}

	public ServedChat customer(String text) {
		return send(visitor, text);
	}

	public ServedChat agent(String text) {
		return send(agentToken, text);
	}

	public void close() {
		api.post("/api/v1/conversations/" + id + "/close", agentToken, Map.of("reason", "resolved"));
	}

	public void rate(int stars) {
		api.post("/api/v1/visitor/conversations/" + id + "/rating", visitor, Map.of("rating", stars));
	}

	private ServedChat send(String token, String text) {
		seqs.add(api.post("/api/v1/conversations/" + id + "/messages", token,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", text)).path("seq").asLong());
		return this;
	}
}
