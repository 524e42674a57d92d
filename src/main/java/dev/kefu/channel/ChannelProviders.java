package dev.kefu.channel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.kefu.shared.RequestRejected;

/** The providers found at startup, by id. Two with one id, or an id a conversation cannot carry, stop the start. */
@Component
class ChannelProviders {

	private final Map<String, ChannelProvider> byId = new LinkedHashMap<>();

	ChannelProviders(List<ChannelProvider> providers) {
		for (ChannelProvider provider : providers) {
			if (!provider.id().matches("[a-z][a-z0-9-]{1,31}")) {
				throw new IllegalStateException("channel provider id must be 2-32 of a-z, 0-9, '-': " + provider.id());
			}
			ChannelProvider other = byId.putIfAbsent(provider.id(), provider);
			if (other != null) {
				throw new IllegalStateException("two channel providers with id " + provider.id() + ": "
						+ other.getClass().getName() + " and " + provider.getClass().getName());
			}
		}
	}

	Collection<ChannelProvider> all() {
		return byId.values();
	}

	Optional<ChannelProvider> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	ChannelProvider require(String id) {
		return find(id).orElseThrow(() -> new RequestRejected("unknown-provider",
				"no channel provider " + id + "; known: " + String.join(", ", byId.keySet())));
	}
}
