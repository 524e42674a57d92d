package dev.kefu.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Permission;
import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

/**
 * The agents' side: answer, close, reopen, take and hand on tickets. Each change locks the ticket's row and lets
 * {@link Ticket} decide, so concurrent requests on one ticket happen one after another.
 */
@Service
class TicketDesk {

	static final int MAX_NOTE = 2000;

	private final Tickets tickets;
	private final TicketRouting routing;
	private final StaffMembers staff;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	TicketDesk(Tickets tickets, TicketRouting routing, StaffMembers staff, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.tickets = tickets;
		this.routing = routing;
		this.staff = staff;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The ticket with the agent's answer (or the stored one, on a resend). */
	record Answered(Ticket ticket, TicketEntry entry, boolean duplicate) {
	}

	/** Records an answer; the customer sees it on return. Answering an unassigned ticket takes it. */
	Answered answer(StaffCaller caller, UUID ticketId, String clientMsgId, String body) {
		TicketEntry.validate(clientMsgId, body);
		return transactions.execute(status -> {
			Ticket ticket = tickets.lock(caller.organizationId(), ticketId);
			Optional<TicketEntry> stored = tickets.entryByClientId(ticketId, clientMsgId);
			if (stored.isPresent()) {
				if (stored.get().author() != TicketEntry.Author.AGENT
						|| !caller.userId().equals(stored.get().authorId())) {
					throw new StateConflict("client-id-reused",
							"client message id " + clientMsgId + " was already used by someone else on this ticket");
				}
				return new Answered(ticket, stored.get(), true);
			}
			requireHandler(caller, ticket);
			Instant now = clock.instant();
			Ticket next = ticket.answeredBy(caller.userId(), now);
			tickets.save(next);
			TicketEntry entry = tickets.append(next, clientMsgId, TicketEntry.Author.AGENT, caller.userId(),
					caller.displayName(), body.strip(), now);
			if (ticket.assigneeId() == null) {
				events.publishEvent(new TicketAssigned(next.organizationId(), next.id(), next.groupId(),
						caller.userId(), null, now));
			}
			events.publishEvent(new TicketAnswered(next.organizationId(), next.id(), next.contactId(), caller.userId(),
					entry.id(), now));
			return new Answered(next, entry, false);
		});
	}

	Ticket close(StaffCaller caller, UUID ticketId, @Nullable String note) {
		String cleanNote = note(note);
		return transactions.execute(status -> {
			Ticket ticket = tickets.lock(caller.organizationId(), ticketId);
			requireHandler(caller, ticket);
			Instant now = clock.instant();
			Ticket next = ticket.closedBy(caller.userId(), cleanNote, now);
			tickets.save(next);
			events.publishEvent(new TicketClosed(next.organizationId(), next.id(), next.groupId(), next.assigneeId(),
					caller.userId(), now));
			return next;
		});
	}

	/**
	 * Records a call to a customer who asked to be called back. It closes the request, unless nobody answered and
	 * {@code tryAgain} asks to keep it open for another call; each call counts as one attempt.
	 */
	Ticket recordCallback(StaffCaller caller, UUID ticketId, CallbackOutcome outcome, boolean tryAgain,
			@Nullable String note) {
		String cleanNote = note(note);
		return transactions.execute(status -> {
			Ticket ticket = tickets.lock(caller.organizationId(), ticketId);
			requireHandler(caller, ticket);
			Instant now = clock.instant();
			Ticket next = ticket.callbackAttempted(outcome, tryAgain, caller.userId(), cleanNote, now);
			tickets.save(next);
			boolean closed = next.state() == TicketState.CLOSED;
			events.publishEvent(new CallbackAttempted(next.organizationId(), next.id(), next.groupId(),
					next.contactId(), caller.userId(), outcome.name(), next.callback().attempts(), closed, now));
			if (closed) {
				events.publishEvent(new TicketClosed(next.organizationId(), next.id(), next.groupId(),
						next.assigneeId(), caller.userId(), now));
			}
			return next;
		});
	}

	Ticket reopen(StaffCaller caller, UUID ticketId) {
		return transactions.execute(status -> {
			Ticket ticket = tickets.lock(caller.organizationId(), ticketId);
			requireHandler(caller, ticket);
			Instant now = clock.instant();
			Ticket next = ticket.reopened(now);
			tickets.save(next);
			events.publishEvent(new TicketReopened(next.organizationId(), next.id(), next.groupId(),
					next.assigneeId(), caller.userId(), now));
			return next;
		});
	}

	/** An agent takes an unassigned ticket. Taking one's own again is fine; someone else's is a conflict. */
	Ticket claim(StaffCaller caller, UUID ticketId) {
		caller.require(Permission.TICKET_HANDLE);
		return transactions.execute(status -> {
			if (routing.take(caller.organizationId(), ticketId, caller.userId())) {
				return tickets.require(caller.organizationId(), ticketId);
			}
			Ticket ticket = tickets.require(caller.organizationId(), ticketId);
			if (caller.userId().equals(ticket.assigneeId())) {
				return ticket;
			}
			if (ticket.state() == TicketState.CLOSED) {
				throw new StateConflict("ticket-closed", "the ticket is closed");
			}
			throw new StateConflict("ticket-taken", "someone else has this ticket already");
		});
	}

	/**
	 * Hands a ticket to another agent, or with {@code assigneeId} null back to its group. A supervisor may do this
	 * with any ticket, an agent with their own.
	 */
	Ticket assign(StaffCaller caller, UUID ticketId, @Nullable UUID assigneeId) {
		if (assigneeId != null) {
			staff.find(caller.organizationId(), assigneeId)
				.filter(StaffMember::enabled)
				.filter(member -> member.roles().contains(Role.AGENT) || member.roles().contains(Role.SUPERVISOR)
						|| member.roles().contains(Role.ADMIN))
				.orElseThrow(() -> new RequestRejected("unknown-assignee",
						"no active agent " + assigneeId + " in your organization"));
		}
		return transactions.execute(status -> {
			Ticket ticket = tickets.lock(caller.organizationId(), ticketId);
			if (!caller.may(Permission.TICKET_MANAGE) && !caller.userId().equals(ticket.assigneeId())) {
				throw new AccessDenied("only a supervisor or the ticket's assignee may hand it on");
			}
			Ticket next = ticket.assignedTo(assigneeId, clock.instant());
			if (next != ticket) {
				tickets.save(next);
				events.publishEvent(new TicketAssigned(next.organizationId(), next.id(), next.groupId(),
						assigneeId, ticket.assigneeId(), next.updatedAt()));
			}
			return next;
		});
	}

	Ticket get(StaffCaller caller, UUID ticketId) {
		return tickets.require(caller.organizationId(), ticketId);
	}

	List<TicketEntry> thread(Ticket ticket) {
		return tickets.thread(ticket.id());
	}

	List<Ticket> search(StaffCaller caller, Tickets.Filter filter) {
		return tickets.search(caller.organizationId(), filter);
	}

	private static @Nullable String note(@Nullable String note) {
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
			throw new RequestRejected("invalid-note", "a note may have at most " + MAX_NOTE + " characters");
		}
		return cleanNote;
	}

	/** The assignee, a supervisor, or while nobody has it any agent, may work a ticket. */
	private static void requireHandler(StaffCaller caller, Ticket ticket) {
		boolean mine = caller.userId().equals(ticket.assigneeId());
		boolean free = ticket.assigneeId() == null && caller.may(Permission.TICKET_HANDLE);
		if (!mine && !free && !caller.may(Permission.TICKET_MANAGE)) {
			throw new AccessDenied("only the ticket's assignee or a supervisor may do this");
		}
	}
}
