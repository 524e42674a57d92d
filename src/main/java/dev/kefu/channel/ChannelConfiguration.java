package dev.kefu.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;

/**
 * Checks an instance's configuration against its provider's schema: no unknown settings, every required one given,
 * each of its type. A pure function, so the rules are tested without a server.
 */
final class ChannelConfiguration {

	static final String INVALID = "invalid-configuration";

	private ChannelConfiguration() {
	}

	/**
	 * The configuration to store: {@code given}, with secret settings that were left out or sent back masked taken
	 * from {@code current}, and blank optional settings dropped.
	 */
	static Map<String, Object> checked(ChannelProvider provider, Map<String, @Nullable Object> given,
			Map<String, Object> current) {
		Map<String, ConfigProperty> schema = provider.configuration()
			.stream()
			.collect(Collectors.toMap(ConfigProperty::name, p -> p, (a, b) -> a, LinkedHashMap::new));
		for (String name : given.keySet()) {
			if (!schema.containsKey(name)) {
				throw new RequestRejected(INVALID, "a " + provider.id() + " channel has no setting " + name + "; it has: "
						+ String.join(", ", schema.keySet()));
			}
		}
		Map<String, Object> checked = new LinkedHashMap<>();
		for (ConfigProperty property : schema.values()) {
			Object value = given.get(property.name());
			if (property.secret() && (value == null || ConfigProperty.HIDDEN.equals(value))) {
				value = current.get(property.name());
			}
			if (value == null || value instanceof String s && s.isBlank()) {
				if (property.required()) {
					throw new RequestRejected(INVALID, property.name() + " (" + property.label() + ") is required");
				}
				continue;
			}
			if (!property.type().accepts(value)) {
				throw new RequestRejected(INVALID,
						property.name() + " must be " + article(property.type()) + " " + property.type().name().toLowerCase());
			}
			checked.put(property.name(), value instanceof String s ? s.strip() : value);
		}
		return checked;
	}

	/** The configuration as an admin may see it: secret settings masked. */
	static Map<String, Object> shown(ChannelProvider provider, Map<String, Object> configuration) {
		Map<String, Object> shown = new LinkedHashMap<>(configuration);
		provider.configuration()
			.stream()
			.filter(ConfigProperty::secret)
			.filter(p -> shown.containsKey(p.name()))
			.forEach(p -> shown.put(p.name(), ConfigProperty.HIDDEN));
		return shown;
	}

	private static String article(ConfigProperty.Type type) {
		return type == ConfigProperty.Type.INTEGER ? "an" : "a";
	}
}
