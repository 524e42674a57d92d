package dev.kefu.realtime;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Topics and the connections on this node subscribed to them. Topics name who should hear about something: a
 * visitor (all their tabs), a staff member, a group's queue, an organization's supervisors, one watched conversation.
 */
@Component
class LiveHub {

	private final Map<String, Set<LiveConnection>> topics = new ConcurrentHashMap<>();

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

	boolean hasSubscribers(String topic) {
		return topics.containsKey(topic);
	}

	void publish(String topic, String frame) {
		Set<LiveConnection> connections = topics.get(topic);
		if (connections != null) {
			connections.forEach(connection -> connection.send(frame));
		}
	}

	int connectionCount() {
		return (int) topics.values().stream().flatMap(Set::stream).distinct().count();
	}
}
