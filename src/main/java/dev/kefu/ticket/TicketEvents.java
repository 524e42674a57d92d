package dev.kefu.ticket;

import java.time.Instant;
import java.util.UUID;

/** Marker for the ticket module's durable domain events, so listeners can subscribe to all of them. */
public sealed interface TicketEvents
		permits TicketOpened, TicketAssigned, TicketAnswered, TicketFollowedUp, TicketClosed, TicketReopened,
		CallbackAttempted {

	UUID organizationId();

	UUID ticketId();

	Instant at();
}
