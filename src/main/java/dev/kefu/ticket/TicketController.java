package dev.kefu.ticket;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;

import io.swagger.v3.oas.annotations.media.Schema;

/** The staff's ticket inbox. Every query is scoped to the caller's organization; another's ticket is not found. */
@RestController
class TicketController {

	private final TicketDesk desk;

	TicketController(TicketDesk desk) {
		this.desk = desk;
	}

	record TicketDetail(Ticket ticket, List<TicketEntry> thread) {
	}

	record AnswerRequest(String clientMsgId, String body) {
	}

	@Schema(name = "TicketCloseRequest")
	record CloseRequest(@Nullable String note) {
	}

	record AssignRequest(@Nullable UUID assigneeId) {
	}

	/** {@code tryAgain} keeps a NO_ANSWER request open for another call; any other outcome closes it. */
	record CallbackAttemptRequest(@Nullable String outcome, @Nullable String note, @Nullable Boolean tryAgain) {
	}

	/**
	 * Tickets by state (repeatable; default OPEN and ANSWERED), assignee ({@code me}, {@code none} or a staff id),
	 * group, contact and kind ({@code MESSAGE} or {@code CALLBACK}; default both). Those waiting for an answer come
	 * first, the longest waiting at the top.
	 */
	@GetMapping("/api/v1/tickets")
	List<Ticket> search(@AuthenticationPrincipal StaffCaller caller,
			@RequestParam(name = "state", required = false) @Nullable List<String> states,
			@RequestParam(required = false) @Nullable String assignee,
			@RequestParam(required = false) @Nullable UUID groupId,
			@RequestParam(required = false) @Nullable UUID contactId, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) @Nullable String kind) {
		if (offset < 0 || offset > 10_000) {
			throw new RequestRejected("invalid-offset", "offset must be 0 to 10000");
		}
		boolean unassigned = "none".equals(assignee);
		UUID assigneeId = assignee == null || unassigned ? null
				: "me".equals(assignee) ? caller.userId() : Ids.parse(assignee, "assignee");
		return desk.search(caller, new Tickets.Filter(states(states), assigneeId, unassigned, groupId, contactId,
				Math.min(Math.max(limit, 1), 200), offset, kind(kind)));
	}

	@GetMapping("/api/v1/tickets/{id}")
	TicketDetail get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return detail(desk.get(caller, id));
	}

	/** 201 with the ticket and the answer at the end of its thread; 200 when this was a resend. */
	@PostMapping("/api/v1/tickets/{id}/answers")
	ResponseEntity<TicketDetail> answer(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody AnswerRequest request) {
		TicketDesk.Answered answered = desk.answer(caller, id, request.clientMsgId(), request.body());
		return ResponseEntity.status(answered.duplicate() ? 200 : 201).body(detail(answered.ticket()));
	}

	@PostMapping("/api/v1/tickets/{id}/close")
	TicketDetail close(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable CloseRequest request) {
		return detail(desk.close(caller, id, request == null ? null : request.note()));
	}

	@Operation(summary = "Records one call to a customer who asked to be called back: outcome REACHED, NO_ANSWER, "
			+ "WRONG_NUMBER or CUSTOMER_CANCELLED, with a note for staff; it closes the request unless the outcome is "
			+ "NO_ANSWER and tryAgain is true. Each call counts as one attempt")
	@PostMapping("/api/v1/tickets/{id}/callback-attempts")
	TicketDetail recordCallback(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody CallbackAttemptRequest request) {
		return detail(desk.recordCallback(caller, id, outcome(request.outcome()),
				Boolean.TRUE.equals(request.tryAgain()), request.note()));
	}

	@PostMapping("/api/v1/tickets/{id}/reopen")
	TicketDetail reopen(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return detail(desk.reopen(caller, id));
	}

	@PostMapping("/api/v1/tickets/{id}/claim")
	TicketDetail claim(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return detail(desk.claim(caller, id));
	}

	@PutMapping("/api/v1/tickets/{id}/assignee")
	TicketDetail assign(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody AssignRequest request) {
		return detail(desk.assign(caller, id, request.assigneeId()));
	}

	private TicketDetail detail(Ticket ticket) {
		return new TicketDetail(ticket, desk.thread(ticket));
	}

	private static @Nullable TicketKind kind(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return TicketKind.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new RequestRejected("invalid-kind", "kind must be MESSAGE or CALLBACK, not " + name);
		}
	}

	private static CallbackOutcome outcome(@Nullable String name) {
		try {
			return CallbackOutcome.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new RequestRejected("invalid-callback-outcome",
					"outcome must be REACHED, NO_ANSWER, WRONG_NUMBER or CUSTOMER_CANCELLED, not " + name);
		}
	}

	private static Set<TicketState> states(@Nullable List<String> names) {
		if (names == null || names.isEmpty()) {
			return EnumSet.of(TicketState.OPEN, TicketState.ANSWERED);
		}
		Set<TicketState> states = EnumSet.noneOf(TicketState.class);
		for (String name : names) {
			try {
				states.add(TicketState.valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException e) {
				throw new RequestRejected("invalid-state", "state must be OPEN, ANSWERED or CLOSED, not " + name);
			}
		}
		return states;
	}
}
