package dev.kefu.tagging;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.SqlTime;

/**
 * The tags on conversations and on contacts. Putting a tag on and taking it off are separate, idempotent calls, so two
 * agents tagging the same chat at once both keep what they did.
 */
@Repository
class AppliedTags {

	/** Where tags are applied: the table and its id column. */
	enum Target {
		CONVERSATION("conversation_tag", "conversation_id"), CONTACT("contact_tag", "contact_id");

		final String table;
		final String column;

		Target(String table, String column) {
			this.table = table;
			this.column = column;
		}
	}

	private final JdbcClient jdbc;
	private final TagCatalogue catalogue;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AppliedTags(JdbcClient jdbc, TagCatalogue catalogue, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.events = events;
		this.clock = clock;
	}

	/** The ids of the tags on one conversation or contact, in the order they were applied. */
	Set<UUID> of(UUID organizationId, Target target, UUID id) {
		return new LinkedHashSet<>(jdbc.sql("SELECT tag_id FROM %s WHERE %s = ? AND organization_id = ? ORDER BY tagged_at, tag_id"
			.formatted(target.table, target.column))
			.params(id, organizationId)
			.query(UUID.class)
			.list());
	}

	/** The tags themselves, archived ones included (they stay on what was tagged while they were in use). */
	List<Tag> tags(UUID organizationId, Target target, UUID id) {
		Set<UUID> ids = of(organizationId, target, id);
		return catalogue.all(organizationId).stream().filter(t -> ids.contains(t.id())).toList();
	}

	@Transactional
	List<Tag> add(UUID organizationId, Target target, UUID id, UUID tagId, UUID by) {
		catalogue.applicable(organizationId, tagId);
		Instant now = clock.instant();
		int added = jdbc.sql("""
				INSERT INTO %s (%s, tag_id, organization_id, tagged_by, tagged_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""".formatted(target.table, target.column))
			.params(id, tagId, organizationId, by, SqlTime.of(now))
			.update();
		changed(organizationId, target, id, added, now);
		return tags(organizationId, target, id);
	}

	@Transactional
	List<Tag> remove(UUID organizationId, Target target, UUID id, UUID tagId) {
		int removed = jdbc.sql("DELETE FROM %s WHERE %s = ? AND tag_id = ? AND organization_id = ?"
			.formatted(target.table, target.column))
			.params(id, tagId, organizationId)
			.update();
		changed(organizationId, target, id, removed, clock.instant());
		return tags(organizationId, target, id);
	}

	/** Conversations carrying the tag, for search and reports. */
	Set<UUID> conversationsTagged(UUID organizationId, UUID tagId) {
		return new LinkedHashSet<>(jdbc.sql("SELECT conversation_id FROM conversation_tag WHERE organization_id = ? AND tag_id = ?")
			.params(organizationId, tagId)
			.query(UUID.class)
			.list());
	}

	private void changed(UUID organizationId, Target target, UUID id, int rows, Instant at) {
		if (rows > 0 && target == Target.CONVERSATION) {
			events.publishEvent(new ConversationTagsChanged(organizationId, id, of(organizationId, target, id), at));
		}
	}
}
