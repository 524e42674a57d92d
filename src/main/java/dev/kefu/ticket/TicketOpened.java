package dev.kefu.ticket;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A customer left a message or asked to be called back; it waits in the group for an agent. {@code reason} is why no
 * chat was had: OUTSIDE_BUSINESS_HOURS, NO_AGENT_ONLINE, QUEUE_FULL or VISITOR_CHOICE. {@code kind} is MESSAGE or
 * CALLBACK; null in events stored before call-back requests existed, which were all messages.
 */
public record TicketOpened(UUID organizationId, UUID ticketId, UUID groupId, UUID contactId, String reason,
		Instant at, @Nullable String kind) implements TicketEvents {
}
