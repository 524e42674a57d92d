package dev.kefu.tagging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactDataSection;
import dev.kefu.shared.SqlTime;

/** The contact's tags for its data export: the tag's name and when it was put on. */
@Component
class ContactTagSection implements ContactDataSection {

	record ContactTag(String name, Instant taggedAt) {
	}

	private final JdbcClient jdbc;

	ContactTagSection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "tags";
	}

	@Override
	public Object export(UUID organizationId, List<UUID> contactIds, Files files) {
		return contactIds.stream()
			.flatMap(contact -> jdbc.sql("""
					SELECT t.name, ct.tagged_at FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
					WHERE ct.organization_id = ? AND ct.contact_id = ? ORDER BY ct.tagged_at""")
				.params(organizationId, contact)
				.query((rs, n) -> new ContactTag(rs.getString(1), SqlTime.read(rs, "tagged_at")))
				.list()
				.stream())
			.toList();
	}
}
