package dev.kefu.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer left a message; it waits in the group for an answer. {@code reason} is why no chat was had:
 * OUTSIDE_BUSINESS_HOURS, NO_AGENT_ONLINE, QUEUE_FULL or VISITOR_CHOICE.
 */
public record TicketOpened(UUID organizationId, UUID ticketId, UUID groupId, UUID contactId, String reason,
		Instant at) implements TicketEvents {
}
