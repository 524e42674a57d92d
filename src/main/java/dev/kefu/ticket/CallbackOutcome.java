package dev.kefu.ticket;

/**
 * How one call to a customer who asked to be called back went. Only {@link #NO_ANSWER} may leave the request open
 * for another try: the others settle it.
 */
enum CallbackOutcome {
	REACHED, NO_ANSWER, WRONG_NUMBER, CUSTOMER_CANCELLED;

	/** Whether the request stays open after this outcome, when the agent asks to try again. */
	boolean mayTryAgain() {
		return this == NO_ANSWER;
	}
}
