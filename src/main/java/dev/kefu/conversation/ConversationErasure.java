package dev.kefu.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.contact.ContactErased;
import dev.kefu.contact.LegalHolds;
import dev.kefu.privacy.Masking;
import dev.kefu.retention.RetentionKind;
import dev.kefu.retention.RetentionMode;
import dev.kefu.retention.RetentionTarget;
import dev.kefu.shared.SqlTime;

/**
 * Erasing conversations: for a contact's erasure (durable, so a crash mid-way is finished on replay; erasing twice
 * changes nothing), and for the retention job, which deletes or anonymizes closed conversations older than the
 * organization keeps, skipping contacts under legal hold. Anonymized, a conversation keeps its row, times, states and
 * rating; its messages and notes read "[erased]", its files, visit and free text are gone. System lines stay: they
 * name agents and events, not the customer.
 */
@Component
class ConversationErasure implements RetentionTarget {

	private static final String MARKER = ContactErased.MARKER;

	private final JdbcClient jdbc;
	private final Attachments attachments;
	private final LegalHolds holds;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Masking masking;

	ConversationErasure(JdbcClient jdbc, Attachments attachments, LegalHolds holds, ApplicationEventPublisher events,
			Clock clock, Masking masking) {
		this.jdbc = jdbc;
		this.masking = masking;
		this.attachments = attachments;
		this.holds = holds;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ContactErased erased) {
		for (UUID contactId : erased.contactIds()) {
			List<UUID> ids = jdbc.sql("SELECT id FROM conversation WHERE organization_id = ? AND contact_id = ?")
				.params(erased.organizationId(), contactId)
				.query(UUID.class)
				.list();
			anonymize(erased.organizationId(), ids);
			if (!ids.isEmpty()) {
				events.publishEvent(new ConversationsErased(erased.organizationId(), ids, false, erased.at()));
			}
		}
	}

	@Override
	public RetentionKind kind() {
		return RetentionKind.CONVERSATIONS;
	}

	@Override
	public long count(UUID organizationId, Instant before) {
		return old(organizationId, before, "COUNT(*)", null).query(Long.class).single();
	}

	@Override
	@Transactional
	public int apply(UUID organizationId, Instant before, RetentionMode mode, int batch) {
		List<UUID> ids = old(organizationId, before, batch);
		if (ids.isEmpty()) {
			return 0;
		}
		if (mode == RetentionMode.DELETE) {
			delete(organizationId, ids);
		}
		else {
			anonymize(organizationId, ids);
		}
		events.publishEvent(new ConversationsErased(organizationId, ids, mode == RetentionMode.DELETE, clock.instant()));
		return ids.size();
	}

	private List<UUID> old(UUID organizationId, Instant before, int limit) {
		return old(organizationId, before, "id", limit).query(UUID.class).list();
	}

	/**
	 * Closed before {@code before}, not yet anonymized, not of a contact under legal hold (there are few: they are
	 * named in the statement, so the database picks the batch), oldest first.
	 */
	private JdbcClient.StatementSpec old(UUID organizationId, Instant before, String select, @Nullable Integer limit) {
		Set<UUID> held = holds.heldContacts(organizationId);
		JdbcClient.StatementSpec sql = jdbc.sql("SELECT " + select + " FROM conversation"
				+ " WHERE organization_id = :org AND state = 'CLOSED' AND closed_at < :before AND erased_at IS NULL"
				+ (held.isEmpty() ? "" : " AND contact_id NOT IN (:held)")
				+ (limit == null ? "" : " ORDER BY closed_at LIMIT :limit"))
			.param("org", organizationId)
			.param("before", SqlTime.of(before));
		if (!held.isEmpty()) {
			sql = sql.param("held", held);
		}
		return limit == null ? sql : sql.param("limit", limit);
	}

	private void anonymize(UUID organizationId, List<UUID> ids) {
		attachments.removeAll(organizationId, ids);
		Instant now = clock.instant();
		for (UUID id : ids) {
			masking.forget(organizationId, Masking.MESSAGE, id);
			jdbc.sql("""
					UPDATE message SET body = ?, attachments = NULL, meta = NULL,
					  sender_name = CASE WHEN sender_type = 'CONTACT' THEN NULL ELSE sender_name END
					WHERE organization_id = ? AND conversation_id = ? AND sender_type <> 'SYSTEM'""")
				.params(MARKER, organizationId, id)
				.update();
			jdbc.sql("UPDATE conversation_note SET body = ? WHERE organization_id = ? AND conversation_id = ?")
				.params(MARKER, organizationId, id)
				.update();
			jdbc.sql("UPDATE conversation_transition SET note = NULL WHERE organization_id = ? AND conversation_id = ?")
				.params(organizationId, id)
				.update();
			jdbc.sql("DELETE FROM conversation_visit WHERE organization_id = ? AND conversation_id = ?")
				.params(organizationId, id)
				.update();
			jdbc.sql("""
					UPDATE conversation SET last_message_preview = CASE WHEN last_message_preview IS NULL THEN NULL
					  ELSE ? END, summary = NULL, rating_comment = NULL, erased_at = ?
					WHERE organization_id = ? AND id = ?""")
				.params(MARKER, SqlTime.of(now), organizationId, id)
				.update();
		}
	}

	private void delete(UUID organizationId, List<UUID> ids) {
		attachments.removeAll(organizationId, ids);
		for (UUID id : ids) {
			masking.forget(organizationId, Masking.MESSAGE, id);
			for (String table : List.of("message", "conversation_note", "conversation_transition", "conversation_visit")) {
				jdbc.sql("DELETE FROM " + table + " WHERE organization_id = ? AND conversation_id = ?")
					.params(organizationId, id)
					.update();
			}
			jdbc.sql("DELETE FROM conversation WHERE organization_id = ? AND id = ?").params(organizationId, id).update();
		}
	}
}
