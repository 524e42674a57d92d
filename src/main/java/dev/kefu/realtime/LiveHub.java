package dev.kefu.realtime;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Topics and the connections on this node subscribed to them. Topics name who should hear about something: a
 * visitor (all their tabs), a staff member, a group's queue, an organization's supervisors, one watched conversation.
 * What is published here is also relayed to the other nodes, which deliver it to their own subscribers.
 */
@Component
class LiveHub implements Relay.Receiver {

	static final String RESYNC_FRAME = "{\"type\":\"resync\"}";

	private final Map<String, Set<LiveConnection>> topics = new ConcurrentHashMap<>();
	private final Relay relay;

	LiveHub(Relay relay) {
		this.relay = relay;
		relay.receiveWith(this);
	}

	static String visitor(UUID contactId) {
		return "visitor:" + contactId;
	}

	static String staff(UUID staffId) {
		return "staff:" + staffId;
	}

	static String group(UUID groupId) {
		return "group:" + groupId;
	}

	static String organization(UUID organizationId) {
		return "org:" + organizationId;
	}

	static String conversation(UUID conversationId) {
		return "conv:" + conversationId;
	}

	void subscribe(String topic, LiveConnection connection) {
		topics.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(connection);
	}

	void unsubscribe(String topic, LiveConnection connection) {
		topics.computeIfPresent(topic, (t, connections) -> {
			connections.remove(connection);
			return connections.isEmpty() ? null : connections;
		});
	}

	/** Whether a frame for the topic may reach anyone: someone here, or possibly someone on another node. */
	boolean mayHaveSubscribers(String topic) {
		return topics.containsKey(topic) || relay.clustered();
	}

	void publish(String topic, String frame) {
		deliver(topic, frame);
		relay.broadcast(topic, frame);
	}

	@Override
	public void deliver(String topic, String frame) {
		Set<LiveConnection> connections = topics.get(topic);
		if (connections != null) {
			connections.forEach(connection -> connection.send(frame));
		}
	}

	/** Pushes from other nodes may be lost: every client here re-reads what it missed, by sequence number. */
	@Override
	public void missedSome() {
		connections().forEach(connection -> connection.send(RESYNC_FRAME));
	}

	int connectionCount() {
		return connections().size();
	}

	private Set<LiveConnection> connections() {
		return topics.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
	}
}
