package dev.kefu.ticket;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The customer wrote again on their ticket; it is OPEN again and waits for {@code assigneeId} (or its group).
 * {@code reopened} says it had been closed.
 */
public record TicketFollowedUp(UUID organizationId, UUID ticketId, UUID groupId, @Nullable UUID assigneeId,
		UUID entryId, boolean reopened, Instant at) implements TicketEvents {
}
