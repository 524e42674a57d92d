package dev.kefu.bench;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * One bench agent on one connection, keeping its own count of the chats it holds from the pushes it gets, so that an
 * assignment over capacity is seen by the client and not only by the server's bookkeeping.
 */
final class Agent {

	final String username;
	final String staffId;
	final Live live;
	final Set<String> chats = ConcurrentHashMap.newKeySet();
	final AtomicInteger peak = new AtomicInteger();
	final CompletableFuture<Void> online = new CompletableFuture<>();
	volatile int capacity;

	Agent(String username, String staffId, Live live) {
		this.username = username;
		this.staffId = staffId;
		this.live = live;
	}

	void ready(JsonNode frame) {
		capacity = frame.path("agent").path("capacity").asInt();
		frame.path("conversations").forEach(c -> chats.add(c.path("id").asString()));
		peak.accumulateAndGet(chats.size(), Math::max);
	}

	/** A {@code conversation} push for this agent: count what it holds now. */
	void conversation(JsonNode frame) {
		String event = frame.path("event").asString();
		JsonNode c = frame.path("conversation");
		String id = c.path("id").asString();
		if (event.equals("assigned") && staffId.equals(c.path("agentId").asString())) {
			chats.add(id);
			peak.accumulateAndGet(chats.size(), Math::max);
		}
		else if (!c.path("state").asString().equals("ASSIGNED") || !staffId.equals(c.path("agentId").asString())) {
			chats.remove(id);
		}
	}

	boolean overCapacity() {
		return peak.get() > capacity;
	}
}
