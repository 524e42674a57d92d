package dev.kefu.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent answered a ticket; the customer hears of it on their open widget, or sees it when they return (or by e-mail,
 * once that exists).
 */
public record TicketAnswered(UUID organizationId, UUID ticketId, UUID contactId, UUID agentId, UUID entryId,
		Instant at) implements TicketEvents {
}
