package dev.kefu.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A left message and its thread, read by other modules that write to people about it (the e-mail that carries an
 * agent's answer to the customer, the alert to agents). The contact details are those the customer gave with it.
 */
@Component
public class TicketThreads {

	private final Tickets tickets;

	TicketThreads(Tickets tickets) {
		this.tickets = tickets;
	}

	/** One message of the thread; {@code fromCustomer} false is an agent's answer. */
	public record Entry(UUID id, boolean fromCustomer, @Nullable String authorName, String body, Instant at) {
	}

	/** {@code reason} is why it was left (see {@link TicketOpened}). */
	public record TicketThread(UUID ticketId, UUID groupId, UUID contactId, @Nullable String contactName,
			@Nullable String contactEmail, @Nullable String contactPhone, String subject, String reason,
			Instant createdAt, List<Entry> entries) {

		public Optional<Entry> entry(UUID entryId) {
			return entries.stream().filter(e -> e.id().equals(entryId)).findFirst();
		}
	}

	/** The ticket of this organization with its thread in order; empty for another organization's id. */
	public Optional<TicketThread> find(UUID organizationId, UUID ticketId) {
		return tickets.find(organizationId, ticketId).map(ticket -> new TicketThread(ticket.id(), ticket.groupId(),
				ticket.contactId(), ticket.contactDetails().name(), ticket.contactDetails().email(),
				ticket.contactDetails().phone(), ticket.subject(), ticket.reason().name(), ticket.createdAt(),
				tickets.thread(ticket.id()).stream()
					.map(e -> new Entry(e.id(), e.author() == TicketEntry.Author.CONTACT, e.authorName(), e.body(),
							e.createdAt()))
					.toList()));
	}
}
