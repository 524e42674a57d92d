package dev.kefu.ticket;

import dev.kefu.shared.StateConflict;

/**
 * Where a ticket stands. OPEN waits for an agent's answer, ANSWERED waits for the customer, CLOSED is done. The
 * customer writing again always brings it back to OPEN, so a follow-up is never left unseen.
 */
enum TicketState {
	OPEN, ANSWERED, CLOSED;

	/** An agent answered; a closed ticket has to be reopened first, so that answering is a deliberate act. */
	TicketState answer() {
		if (this == CLOSED) {
			throw new StateConflict("ticket-closed", "the ticket is closed; reopen it to answer");
		}
		return ANSWERED;
	}

	/** The customer wrote again. */
	TicketState followUp() {
		return OPEN;
	}

	TicketState close() {
		if (this == CLOSED) {
			throw new StateConflict("ticket-closed", "the ticket is already closed");
		}
		return CLOSED;
	}

	TicketState reopen() {
		if (this != CLOSED) {
			throw new StateConflict("ticket-not-closed", "only a closed ticket can be reopened");
		}
		return OPEN;
	}
}
