package dev.kefu.contact;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.security.VisitorContacts;

/**
 * A visitor token for a merged contact acts as the survivor, so the customer's open chat goes on after staff merge
 * them. Except an anonymous token whose contact went into one the host site vouches for: nobody may act as a
 * verified contact without the site's signature, so that token ends and the widget starts afresh. One primary-key
 * read per visitor request.
 */
@Component
class MergedVisitors implements VisitorContacts {

	private record Current(UUID id, boolean verified) {
	}

	private final JdbcClient jdbc;

	MergedVisitors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<UUID> current(UUID organizationId, UUID contactId, boolean verifiedToken) {
		Optional<Current> current = jdbc.sql("""
				SELECT id, verified_at FROM contact WHERE organization_id = :org AND id = COALESCE(
				  (SELECT merged_into FROM contact WHERE id = :id AND organization_id = :org), :id)""")
			.param("org", organizationId)
			.param("id", contactId)
			.query((rs, n) -> new Current(rs.getObject("id", UUID.class), rs.getObject("verified_at") != null))
			.optional();
		if (current.isEmpty() || current.get().id().equals(contactId)) {
			return Optional.of(contactId);
		}
		if (current.get().verified() && !verifiedToken) {
			return Optional.empty();
		}
		return Optional.of(current.get().id());
	}
}
