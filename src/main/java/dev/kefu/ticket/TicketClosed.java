package dev.kefu.ticket;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Staff closed a ticket. */
public record TicketClosed(UUID organizationId, UUID ticketId, UUID groupId, @Nullable UUID assigneeId,
		UUID closedBy, Instant at) implements TicketEvents {
}
