package dev.kefu.ticket;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A ticket got an assignee, or, with {@code assigneeId} null, went back to its group's unassigned tickets. */
public record TicketAssigned(UUID organizationId, UUID ticketId, UUID groupId, @Nullable UUID assigneeId,
		@Nullable UUID previousAssigneeId, Instant at) implements TicketEvents {
}
