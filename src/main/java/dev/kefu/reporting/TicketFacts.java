package dev.kefu.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Left messages as the reports count them (table {@code report_ticket}): when each was left and when staff first
 * answered it. The two come from separate events that may be handled in either order, so each writes only its own
 * columns of a row that whichever comes first creates.
 */
@Repository
class TicketFacts {

	private final JdbcClient jdbc;

	TicketFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void opened(UUID organizationId, UUID ticketId, Instant at, LocalDate day, UUID groupId, @Nullable UUID centerId) {
		ensure(organizationId, ticketId);
		jdbc.sql("""
				UPDATE report_ticket SET opened_day = ?, opened_epoch_ms = ?, group_id = ?, center_id = ?
				WHERE ticket_id = ?""")
			.params(day, at.toEpochMilli(), groupId, centerId, ticketId)
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
