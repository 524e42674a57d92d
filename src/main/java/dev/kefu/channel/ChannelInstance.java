package dev.kefu.channel;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One channel of one organization: an instance of a provider, with its configuration (checked against the provider's
 * schema) and, for a provider that signs, its secret. Internal to Kefu: the admin API shows it without the secret.
 */
public record ChannelInstance(UUID id, UUID organizationId, String provider, String name,
		Map<String, Object> configuration, @Nullable String secret, boolean enabled, Instant createdAt,
		Instant updatedAt) {

	/** A configuration value as text, or null when it is not set. */
	public @Nullable String setting(String name) {
		Object value = configuration.get(name);
		return value == null ? null : value.toString();
	}

	/** The key under which this channel's callback endpoint lives in the webhook outbox. */
	public String callbackOwner() {
		return "channel:" + id;
	}
}
