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

import io.swagger.v3.oas.annotations.Operation;

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

	/** {@code from} and {@code until} both absent: as soon as possible. */
	record CallbackRequest(String clientMsgId, @Nullable UUID groupId, @Nullable String name, @Nullable String phone,
			@Nullable Instant from, @Nullable Instant until, @Nullable String note) {
	}

	/** A call-back request as its customer sees it: the window, the calls made and how the latest went. */
	record CustomerCallback(@Nullable Instant from, @Nullable Instant until, int attempts,
			@Nullable CallbackOutcome outcome) {
	}

	/** A ticket as its customer sees it: no assignee ids, no internal closing or call notes. */
	record CustomerTicket(UUID id, TicketState state, String subject, ContactDetails contactDetails,
			Instant createdAt, @Nullable Instant answeredAt, @Nullable Instant closedAt, List<CustomerEntry> thread,
			TicketKind kind, @Nullable CustomerCallback callback) {
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

	/** 201 with the new call-back request (a ticket of kind CALLBACK); 200 with the stored one on a resend. */
	@Operation(summary = "Asks to be called back on a phone number (5-20 digits), in a window from-until (both "
			+ "absent: as soon as possible); 201 with the request as a ticket of kind CALLBACK, 200 on a resend")
	@PostMapping("/api/v1/visitor/callbacks")
	ResponseEntity<CustomerTicket> requestCallback(@AuthenticationPrincipal VisitorCaller visitor,
			@RequestBody CallbackRequest request) {
		LeaveAMessage.Left left = leaveAMessage.requestCallback(visitor, request.clientMsgId(), request.groupId(),
				request.name(), request.phone(), request.from(), request.until(), request.note());
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
		Callback callback = ticket.callback();
		return new CustomerTicket(ticket.id(), ticket.state(), ticket.subject(), ticket.contactDetails(),
				ticket.createdAt(), ticket.answeredAt(), ticket.closedAt(),
				thread.stream()
					.map(entry -> new CustomerEntry(entry.id(), entry.seq(), entry.clientMsgId(), entry.author(),
							entry.author() == TicketEntry.Author.AGENT ? entry.authorName() : null, entry.body(),
							entry.createdAt()))
					.toList(),
				ticket.kind(), callback == null ? null
						: new CustomerCallback(callback.from(), callback.until(), callback.attempts(), callback.outcome()));
	}
}
