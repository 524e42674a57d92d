package dev.kefu.contact;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A customer of an organization. A {@code verified} contact is one the host site vouched for: {@code externalId} is
 * the site's own user id for it, and only a visitor bearing the site's signature can act as it.
 */
public record Contact(UUID id, UUID organizationId, @Nullable String name, @Nullable String email,
		@Nullable String phone, Map<String, String> attributes, Instant createdAt, Instant lastSeenAt,
		@Nullable String externalId, boolean verified) {

	/** What to call the customer on a screen: the name, else the e-mail, else a short visitor number. */
	public String label() {
		if (name != null && !name.isBlank()) {
			return name;
		}
		if (email != null && !email.isBlank()) {
			return email;
		}
		return "Visitor " + id.toString().substring(id.toString().length() - 6);
	}
}
