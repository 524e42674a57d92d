package dev.kefu.ticket;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactHistory;
import dev.kefu.contact.ContactsMerged;

/**
 * The messages a contact left, for the contact's page, and moving them when two contacts are merged. Durable and
 * idempotent, like the conversations' move.
 */
@Component
class ContactTickets implements ContactHistory {

	private final Tickets tickets;
	private final JdbcClient jdbc;

	ContactTickets(Tickets tickets, JdbcClient jdbc) {
		this.tickets = tickets;
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "tickets";
	}

	@Override
	public List<Ticket> of(UUID organizationId, UUID contactId, int limit) {
		return tickets.search(organizationId,
				new Tickets.Filter(EnumSet.allOf(TicketState.class), null, false, null, contactId, limit, 0, null));
	}

	@ApplicationModuleListener
	void on(ContactsMerged merged) {
		// A resend key is unique per contact; two contacts' random keys colliding would stop the move for good, so
		// such a ticket (never seen yet) would stay where it is rather than block the rest.
		jdbc.sql("""
				UPDATE ticket SET contact_id = ?
				WHERE organization_id = ? AND contact_id = ? AND client_msg_id NOT IN (
				  SELECT client_msg_id FROM ticket WHERE organization_id = ? AND contact_id = ?)""")
			.params(merged.survivorId(), merged.organizationId(), merged.mergedId(), merged.organizationId(),
					merged.survivorId())
			.update();
		jdbc.sql("""
				UPDATE ticket_entry SET author_id = ?
				WHERE organization_id = ? AND author_type = 'CONTACT' AND author_id = ? AND ticket_id IN (
				  SELECT id FROM ticket WHERE organization_id = ? AND contact_id = ?)""")
			.params(merged.survivorId(), merged.organizationId(), merged.mergedId(), merged.organizationId(),
					merged.survivorId())
			.update();
	}
}
