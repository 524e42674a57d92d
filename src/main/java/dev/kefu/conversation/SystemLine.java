package dev.kefu.conversation;

import java.util.Map;

/**
 * A line the system writes into a conversation ("Li Na is now serving you"), stored as a key of the wording catalogs
 * and its parameters rather than as text, so each reader sees it in their own language (see {@link SystemLines}).
 */
record SystemLine(String key, Map<String, String> params) {

	SystemLine {
		params = Map.copyOf(params);
	}

	static SystemLine handedOver() {
		return new SystemLine("system.handedOver", Map.of());
	}

	static SystemLine nowServing(String agentName) {
		return new SystemLine("system.nowServing", Map.of("agent", agentName));
	}

	static SystemLine transferred(String agentName) {
		return new SystemLine("system.transferred", Map.of("agent", agentName));
	}

	static SystemLine requeued() {
		return new SystemLine("system.requeued", Map.of());
	}

	static SystemLine closed() {
		return new SystemLine("system.closed", Map.of());
	}
}
