package dev.kefu.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
 * Erasing left messages: all of an erased contact's (durable, idempotent), and the closed ones older than the
 * organization keeps (the retention job), skipping contacts under legal hold. Anonymized, a ticket keeps its row,
 * states and times; the customer's name, e-mail, phone, the subject and every entry read "[erased]" or are emptied.
 * Report facts (report_ticket) are the reporting module's and stay.
 */
@Component
class TicketErasure implements RetentionTarget {

	private static final String MARKER = ContactErased.MARKER;

	private final JdbcClient jdbc;
	private final LegalHolds holds;
	private final Clock clock;
	private final Masking masking;

	TicketErasure(JdbcClient jdbc, LegalHolds holds, Clock clock, Masking masking) {
		this.masking = masking;
		this.jdbc = jdbc;
		this.holds = holds;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ContactErased erased) {
		for (UUID contactId : erased.contactIds()) {
			List<UUID> ids = jdbc.sql("SELECT id FROM ticket WHERE organization_id = ? AND contact_id = ?")
				.params(erased.organizationId(), contactId)
				.query(UUID.class)
				.list();
			anonymize(erased.organizationId(), ids);
		}
	}

	@Override
	public RetentionKind kind() {
		return RetentionKind.TICKETS;
	}

	@Override
	public long count(UUID organizationId, Instant before) {
		return old(organizationId, before, "COUNT(*)", null).query(Long.class).single();
	}

	@Override
	@Transactional
	public int apply(UUID organizationId, Instant before, RetentionMode mode, int batch) {
		List<UUID> ids = old(organizationId, before, batch);
		if (mode == RetentionMode.DELETE) {
			for (UUID id : ids) {
				jdbc.sql("DELETE FROM ticket_entry WHERE organization_id = ? AND ticket_id = ?")
					.params(organizationId, id)
					.update();
				jdbc.sql("DELETE FROM ticket WHERE organization_id = ? AND id = ?").params(organizationId, id).update();
			}
		}
		else {
			anonymize(organizationId, ids);
		}
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
		JdbcClient.StatementSpec sql = jdbc.sql("SELECT " + select + " FROM ticket"
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
		Instant now = clock.instant();
		for (UUID id : ids) {
			masking.forget(organizationId, Masking.TICKET_ENTRY, id);
			jdbc.sql("""
					UPDATE ticket_entry SET body = ?,
					  author_name = CASE WHEN author_type = 'CONTACT' THEN NULL ELSE author_name END
					WHERE organization_id = ? AND ticket_id = ?""")
				.params(MARKER, organizationId, id)
				.update();
			jdbc.sql("""
					UPDATE ticket SET erased_at = ?, contact_name = NULL, contact_email = NULL, contact_phone = NULL,
					  subject = ?, close_note = NULL, callback_note = NULL
					WHERE organization_id = ? AND id = ?""")
				.params(SqlTime.of(now), MARKER, organizationId, id)
				.update();
		}
	}
}
