package dev.kefu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

/**
 * The agents' side: logs in the bench agents (seeded by {@link BenchAgents}), one connection each, all ONLINE.
 * Frames that are not about the agent's own load go to the scenario's handler.
 */
final class Desk {

	final List<Agent> agents = new ArrayList<>();
	final Map<String, Agent> byStaffId = new ConcurrentHashMap<>();

	static Desk open(KefuApi api, Clients clients, int count, BiConsumer<Agent, JsonNode> onFrame) throws Exception {
		Desk desk = new Desk();
		for (int i = 1; i <= count; i++) {
			String username = BenchAgents.username(i);
			KefuApi.Identity id = api.login(username, BenchAgents.PASSWORD);
			Live live = clients.open((l, text) -> {
				JsonNode frame = KefuApi.JSON.readTree(text);
				Agent agent = (Agent) l.owner;
				switch (frame.path("type").asString()) {
					case "ready" -> {
						agent.ready(frame);
						l.send("{\"type\":\"status\",\"id\":\"online\",\"status\":\"ONLINE\"}");
					}
					case "agent" -> {
						if ("online".equals(frame.path("id").asString())) {
							agent.capacity = frame.path("agent").path("capacity").asInt();
							agent.online.complete(null);
						}
					}
					case "conversation" -> {
						agent.conversation(frame);
						onFrame.accept(agent, frame);
					}
					default -> onFrame.accept(agent, frame);
				}
			}).get(30, TimeUnit.SECONDS);
			Agent agent = new Agent(username, id.id(), live);
			live.owner = agent;
			live.send(Connector.auth(id.token()));
			desk.agents.add(agent);
			desk.byStaffId.put(id.id(), agent);
		}
		for (Agent agent : desk.agents) {
			agent.online.get(30, TimeUnit.SECONDS);
		}
		return desk;
	}

	int overCapacity() {
		return (int) agents.stream().filter(Agent::overCapacity).count();
	}

	int peakLoad() {
		return agents.stream().mapToInt(a -> a.peak.get()).max().orElse(0);
	}

	int capacity() {
		return agents.stream().mapToInt(a -> a.capacity).max().orElse(0);
	}

	void close() {
		agents.forEach(a -> a.live.close());
	}
}
