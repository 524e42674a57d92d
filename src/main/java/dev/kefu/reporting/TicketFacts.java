package dev.kefu.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Left messages and call-back requests as the reports count them (table {@code report_ticket}): when each was left,
 * when staff first answered it, and for a call back how many calls were made and how the latest went. The two come from separate events that may be handled in either order, so each writes only its own
 * columns of a row that whichever comes first creates.
 */
@Repository
class TicketFacts {

	private final JdbcClient jdbc;

	TicketFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void opened(UUID organizationId, UUID ticketId, Instant at, LocalDate day, UUID groupId, @Nullable UUID centerId,
			String kind) {
		ensure(organizationId, ticketId);
		jdbc.sql("""
				UPDATE report_ticket SET opened_day = ?, opened_epoch_ms = ?, group_id = ?, center_id = ?, kind = ?
				WHERE ticket_id = ?""")
			.params(day, at.toEpochMilli(), groupId, centerId, kind, ticketId)
			.update();
	}

	/**
	 * Keeps the latest call's outcome, whatever order the calls are handled in. Only a call-back request has calls,
	 * so this also marks the row as one, should it come before the request's own event.
	 */
	void callbackAttempted(UUID organizationId, UUID ticketId, String outcome, int attempt) {
		ensure(organizationId, ticketId);
		jdbc.sql("""
				UPDATE report_ticket SET kind = 'CALLBACK', callback_attempts = ?, callback_outcome = ?
				WHERE ticket_id = ? AND callback_attempts < ?""")
			.params(attempt, outcome, ticketId, attempt)
			.update();
	}

	/** Keeps the earliest answer, whatever order the answers are handled in. */
	void answered(UUID organizationId, UUID ticketId, UUID agentId, Instant at) {
		ensure(organizationId, ticketId);
		jdbc.sql("""
				UPDATE report_ticket SET answered_by = ?, answered_epoch_ms = ?
				WHERE ticket_id = ? AND (answered_epoch_ms IS NULL OR answered_epoch_ms > ?)""")
			.params(agentId, at.toEpochMilli(), ticketId, at.toEpochMilli())
			.update();
	}

	private void ensure(UUID organizationId, UUID ticketId) {
		jdbc.sql("INSERT INTO report_ticket (ticket_id, organization_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(ticketId, organizationId)
			.update();
	}
}
