package dev.kefu.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent answered a ticket; the customer hears of it on their open widget, or sees it when they return, and by e-mail
 * where they gave an address and the server has mail configured (the notification module).
 */
public record TicketAnswered(UUID organizationId, UUID ticketId, UUID contactId, UUID agentId, UUID entryId,
		Instant at) implements TicketEvents {
}
