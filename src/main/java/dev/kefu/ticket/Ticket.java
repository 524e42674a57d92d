package dev.kefu.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StateConflict;
import dev.kefu.shared.Text;

/**
 * A message a customer left, or their request to be called back, as staff see it. {@code waitingSince} is set while
 * the customer waits for an answer (from leaving the message or their latest follow-up), and orders the inbox.
 * {@code callback} is set on, and only on, a ticket of kind CALLBACK.
 */
record Ticket(UUID id, UUID organizationId, UUID groupId, UUID contactId, TicketState state, LeftBecause reason,
		@Nullable UUID assigneeId, ContactDetails contactDetails, String subject, Instant createdAt,
		Instant updatedAt, @Nullable Instant waitingSince, @Nullable Instant assignedAt,
		@Nullable Instant firstAnsweredAt, @Nullable Instant answeredAt, @Nullable Instant closedAt,
		@Nullable UUID closedBy, @Nullable String closeNote, TicketKind kind, @Nullable Callback callback) {

	static final int MAX_SUBJECT = 200;

	/** A subject for lists when the customer gave none: the start of the first line of the message. */
	static String subjectOf(@Nullable String subject, String body) {
		if (subject != null && !subject.isBlank()) {
			if (subject.strip().length() > MAX_SUBJECT) {
				throw new RequestRejected("invalid-subject", "subject must be at most " + MAX_SUBJECT + " characters");
			}
			return subject.strip();
		}
		String firstLine = body.strip().lines().findFirst().orElse("").strip();
		return firstLine.length() <= 80 ? firstLine : Text.cut(firstLine, 79) + "…";
	}

	/** An agent answered. Answering an unassigned ticket takes it: whoever answers owns the follow-ups. */
	Ticket answeredBy(UUID agentId, Instant now) {
		TicketState next = state.answer();
		boolean takes = assigneeId == null;
		return with(next, takes ? agentId : assigneeId, null, takes ? now : assignedAt,
				firstAnsweredAt == null ? now : firstAnsweredAt, now, null, null, null, now);
	}

	/** The customer wrote again: the ticket is open and they wait, since their first unanswered message. */
	Ticket followedUp(Instant now) {
		TicketState next = state.followUp();
		Instant waiting = state == TicketState.OPEN && waitingSince != null ? waitingSince : now;
		return with(next, assigneeId, waiting, assignedAt, firstAnsweredAt, answeredAt, null, null, null, now);
	}

	Ticket closedBy(UUID staffId, @Nullable String note, Instant now) {
		TicketState next = state.close();
		return with(next, assigneeId, null, assignedAt, firstAnsweredAt, answeredAt, now, staffId, note, now);
	}

	/** Reopened by staff: it waits for an answer again, as if the customer had just written. */
	Ticket reopened(Instant now) {
		TicketState next = state.reopen();
		return with(next, assigneeId, now, assignedAt, firstAnsweredAt, answeredAt, null, null, null, now);
	}

	/** A new assignee, or none (back to the group). */
	Ticket assignedTo(@Nullable UUID agentId, Instant now) {
		if (Objects.equals(agentId, assigneeId)) {
			return this;
		}
		if (state == TicketState.CLOSED) {
			throw new StateConflict("ticket-closed", "the ticket is closed; reopen it to hand it on");
		}
		return with(state, agentId, waitingSince, agentId == null ? null : now, firstAnsweredAt, answeredAt, closedAt,
				closedBy, closeNote, now);
	}

	/**
	 * An agent called the customer back. The outcome settles the request and closes the ticket, unless nobody
	 * answered and the agent will try again: then it stays as it was, waiting, with one more attempt counted.
	 */
	Ticket callbackAttempted(CallbackOutcome outcome, boolean tryAgain, UUID staffId, @Nullable String note,
			Instant now) {
		if (kind != TicketKind.CALLBACK || callback == null) {
			throw new StateConflict("not-a-callback", "this ticket is a left message, not a call-back request");
		}
		if (state == TicketState.CLOSED) {
			throw new StateConflict("ticket-closed", "the call-back request is closed; reopen it to call again");
		}
		Ticket attempted = new Ticket(id, organizationId, groupId, contactId, state, reason, assigneeId,
				contactDetails, subject, createdAt, now, waitingSince, assignedAt, firstAnsweredAt, answeredAt, closedAt,
				closedBy, closeNote, kind, callback.attempted(outcome, note));
		return tryAgain && outcome.mayTryAgain() ? attempted : attempted.closedBy(staffId, note, now);
	}

	private Ticket with(TicketState state, @Nullable UUID assigneeId, @Nullable Instant waitingSince,
			@Nullable Instant assignedAt, @Nullable Instant firstAnsweredAt, @Nullable Instant answeredAt,
			@Nullable Instant closedAt, @Nullable UUID closedBy, @Nullable String closeNote, Instant updatedAt) {
		return new Ticket(id, organizationId, groupId, contactId, state, reason, assigneeId, contactDetails, subject,
				createdAt, updatedAt, waitingSince, assignedAt, firstAnsweredAt, answeredAt, closedAt, closedBy,
				closeNote, kind, callback);
	}
}
