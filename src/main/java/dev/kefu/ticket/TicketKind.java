package dev.kefu.ticket;

/**
 * What the customer asked for: an answer to a message they left, or a phone call back in a window they chose. Both
 * are tickets, so they share the desk's list, routing, alerts and reports.
 */
enum TicketKind {
	MESSAGE, CALLBACK
}
