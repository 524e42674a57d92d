package dev.kefu.tagging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactsMerged;

/**
 * When two contacts are merged, the survivor carries the tags of both. Durable (a crash before it ran replays it) and
 * idempotent: a tag the survivor has already is left as the survivor's.
 */
@Component
class MergedContactTags {

	private final JdbcClient jdbc;

	MergedContactTags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ContactsMerged merged) {
		jdbc.sql("""
				INSERT INTO contact_tag (contact_id, tag_id, organization_id, tagged_by, tagged_at)
				SELECT ?, m.tag_id, m.organization_id, m.tagged_by, m.tagged_at FROM contact_tag m
				WHERE m.organization_id = ? AND m.contact_id = ? AND NOT EXISTS (
				  SELECT 1 FROM contact_tag s WHERE s.contact_id = ? AND s.tag_id = m.tag_id)""")
			.params(merged.survivorId(), merged.organizationId(), merged.mergedId(), merged.survivorId())
			.update();
		jdbc.sql("DELETE FROM contact_tag WHERE organization_id = ? AND contact_id = ?")
			.params(merged.organizationId(), merged.mergedId())
			.update();
	}
}
