package dev.kefu.channel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.kefu.shared.RequestRejected;

/**
 * The providers found at startup, by id. Two with one id, or an id a conversation cannot carry, stop the start. They
 * are looked up once every bean exists, not when this one is made: a provider uses the message path (to store its
 * customers' messages), and the message path asks the channels whether anything sends out.
 */
@Component
class ChannelProviders implements SmartInitializingSingleton {

	private final ObjectProvider<ChannelProvider> found;
	private volatile @Nullable Map<String, ChannelProvider> byId;

	ChannelProviders(ObjectProvider<ChannelProvider> found) {
		this.found = found;
	}

	@Override
	public void afterSingletonsInstantiated() {
		byId();
	}

	Collection<ChannelProvider> all() {
		return byId().values();
	}

	Optional<ChannelProvider> find(String id) {
		return Optional.ofNullable(byId().get(id));
	}

	ChannelProvider require(String id) {
		return find(id).orElseThrow(() -> new RequestRejected("unknown-provider",
				"no channel provider " + id + "; known: " + String.join(", ", byId().keySet())));
	}

	private Map<String, ChannelProvider> byId() {
		Map<String, ChannelProvider> known = byId;
		if (known == null) {
			known = collect();
			byId = known;
		}
		return known;
	}

	private Map<String, ChannelProvider> collect() {
		Map<String, ChannelProvider> providers = new LinkedHashMap<>();
		found.orderedStream().forEach(provider -> {
			if (!provider.id().matches("[a-z][a-z0-9-]{1,31}")) {
				throw new IllegalStateException("channel provider id must be 2-32 of a-z, 0-9, '-': " + provider.id());
			}
			ChannelProvider other = providers.putIfAbsent(provider.id(), provider);
			if (other != null) {
				throw new IllegalStateException("two channel providers with id " + provider.id() + ": "
						+ other.getClass().getName() + " and " + provider.getClass().getName());
			}
		});
		return providers;
	}
}
