package dev.kefu.realtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Topics and the connections on this node subscribed to them. Topics name who should hear about something: a
 * visitor (all their tabs), a staff member, a group's queue, an organization's supervisors, one watched conversation.
 * What is published here is also relayed to the other nodes, which deliver it to their own subscribers.
 */
@Component
class LiveHub implements Relay.Receiver {

	static final String RESYNC_FRAME = "{\"type\":\"resync\"}";

	/** Not a topic clients subscribe to: messages to the nodes themselves, such as "end these sessions". */
	private static final String CONTROL = "control";

	private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

	private final Map<String, Set<LiveConnection>> topics = new ConcurrentHashMap<>();
	private final Relay relay;
	private final List<Consumer<String>> controls = new CopyOnWriteArrayList<>();
	private final List<Runnable> missed = new CopyOnWriteArrayList<>();

	LiveHub(Relay relay) {
		this.relay = relay;
		relay.receiveWith(this);
	}

	static String visitor(UUID contactId) {
		return "visitor:" + contactId;
	}

	/** Every visitor of one organization: nothing is published to it, it is closed when the organization is suspended. */
	static String visitorsOf(UUID organizationId) {
		return "visitors-of:" + organizationId;
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

	/** Handles control messages published on any node, this one included; each handler sees every message. */
	void onControl(Consumer<String> handler, Runnable missedSome) {
		controls.add(handler);
		missed.add(missedSome);
	}

	/** Tells every node, this one first; as best effort as any push, so receivers also check on their own. */
	void publishControl(String message) {
		controls.forEach(handler -> handler.accept(message));
		relay.broadcast(CONTROL, message);
	}

	@Override
	public void deliver(String topic, String frame) {
		if (CONTROL.equals(topic)) {
			controls.forEach(handler -> handler.accept(frame));
			return;
		}
		Set<LiveConnection> connections = topics.get(topic);
		if (connections != null) {
			connections.forEach(connection -> sendIsolated(connection, frame));
		}
	}

	/** Pushes from other nodes may be lost: every client here re-reads what it missed, by sequence number. */
	@Override
	public void missedSome() {
		connections().forEach(connection -> sendIsolated(connection, RESYNC_FRAME));
		missed.forEach(Runnable::run);
	}

	/** One connection failing in any way must not keep the frame from the others. */
	private static void sendIsolated(LiveConnection connection, String frame) {
		try {
			connection.send(frame);
		}
		catch (RuntimeException failed) {
			log.debug("Closing connection {}: sending failed", connection.id(), failed);
			connection.close();
		}
	}

	/** Closes this node's connections on a topic; their clients connect again and are subscribed afresh. */
	void close(String topic) {
		Set<LiveConnection> connections = topics.get(topic);
		if (connections != null) {
			connections.forEach(LiveConnection::close);
		}
	}

	int connectionCount() {
		return connections().size();
	}

	private Set<LiveConnection> connections() {
		return topics.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
	}
}
