package dev.kefu.ticket;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Staff reopened a closed ticket (a customer writing again is {@link TicketFollowedUp}). */
public record TicketReopened(UUID organizationId, UUID ticketId, UUID groupId, @Nullable UUID assigneeId,
		UUID reopenedBy, Instant at) implements TicketEvents {
}
