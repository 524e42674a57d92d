package dev.kefu.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.VisitorCaller;

/**
 * Leave-a-message for the widget: leave one, see one's tickets with the answers, write again. A visitor only ever
 * sees the tickets of their own contact; another's is not found.
 */
@RestController
class VisitorTicketController {

	private final LeaveAMessage leaveAMessage;
	private final Tickets tickets;

	VisitorTicketController(LeaveAMessage leaveAMessage, Tickets tickets) {
		this.leaveAMessage = leaveAMessage;
		this.tickets = tickets;
	}

	record LeaveRequest(String clientMsgId, @Nullable UUID groupId, @Nullable String name, @Nullable String email,
			@Nullable String phone, @Nullable String subject, String body) {
	}

	record MessageRequest(String clientMsgId, String body) {
	}

	/** A ticket as its customer sees it: no assignee ids, no internal closing note. */
	record CustomerTicket(UUID id, TicketState state, String subject, ContactDetails contactDetails,
			Instant createdAt, @Nullable Instant answeredAt, @Nullable Instant closedAt, List<CustomerEntry> thread) {
	}

	/** {@code from} is CONTACT (the customer) or AGENT, with the agent's name. */
	record CustomerEntry(UUID id, long seq, String clientMsgId, TicketEntry.Author from, @Nullable String agentName,
			String body, Instant createdAt) {
	}

	/** 201 with the new ticket; 200 with the stored one when this was a resend. */
	@PostMapping("/api/v1/visitor/tickets")
	ResponseEntity<CustomerTicket> leave(@AuthenticationPrincipal VisitorCaller visitor,
			@RequestBody LeaveRequest request) {
		LeaveAMessage.Left left = leaveAMessage.leave(visitor, request.clientMsgId(), request.groupId(),
				ContactDetails.given(request.name(), request.email(), request.phone()), request.subject(),
				request.body());
		return ResponseEntity.status(left.duplicate() ? 200 : 201).body(view(left.ticket()));
	}

	/** What the customer sees on return: their tickets, newest first, each with its answers. */
	@GetMapping("/api/v1/visitor/tickets")
	List<CustomerTicket> mine(@AuthenticationPrincipal VisitorCaller visitor) {
		List<Ticket> mine = leaveAMessage.mine(visitor);
		Map<UUID, List<TicketEntry>> threads = tickets.threads(mine.stream().map(Ticket::id).toList());
		return mine.stream().map(ticket -> view(ticket, threads.getOrDefault(ticket.id(), List.of()))).toList();
	}

	@GetMapping("/api/v1/visitor/tickets/{id}")
	CustomerTicket one(@AuthenticationPrincipal VisitorCaller visitor, @PathVariable UUID id) {
		return view(leaveAMessage.one(visitor, id));
	}

	/** 201 with the ticket and the new message at the end of its thread; 200 when this was a resend. */
	@PostMapping("/api/v1/visitor/tickets/{id}/messages")
	ResponseEntity<CustomerTicket> followUp(@AuthenticationPrincipal VisitorCaller visitor, @PathVariable UUID id,
			@RequestBody MessageRequest request) {
		LeaveAMessage.FollowedUp followedUp = leaveAMessage.followUp(visitor, id, request.clientMsgId(),
				request.body());
		return ResponseEntity.status(followedUp.duplicate() ? 200 : 201).body(view(followedUp.ticket()));
	}

	private CustomerTicket view(Ticket ticket) {
		return view(ticket, tickets.thread(ticket.id()));
	}

	private static CustomerTicket view(Ticket ticket, List<TicketEntry> thread) {
		return new CustomerTicket(ticket.id(), ticket.state(), ticket.subject(), ticket.contactDetails(),
				ticket.createdAt(), ticket.answeredAt(), ticket.closedAt(),
				thread.stream()
					.map(entry -> new CustomerEntry(entry.id(), entry.seq(), entry.clientMsgId(), entry.author(),
							entry.author() == TicketEntry.Author.AGENT ? entry.authorName() : null, entry.body(),
							entry.createdAt()))
					.toList());
	}
}
