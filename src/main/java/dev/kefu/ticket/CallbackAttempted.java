package dev.kefu.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent called a customer who asked to be called back. {@code outcome} is REACHED, NO_ANSWER, WRONG_NUMBER or
 * CUSTOMER_CANCELLED; {@code attempt} counts the calls on this request (1 for the first); {@code closed} says
 * whether this settled it or it stays open for another try.
 */
public record CallbackAttempted(UUID organizationId, UUID ticketId, UUID groupId, UUID contactId, UUID agentId,
		String outcome,
		int attempt, boolean closed, Instant at) implements TicketEvents {
}
