package dev.kefu.retention;

/** What an organization keeps for a number of days. */
public enum RetentionKind {
	/** Closed conversations, with their messages, notes, attachments and visits. */
	CONVERSATIONS,
	/** Closed left messages (tickets, call-back requests) with their answers. */
	TICKETS,
	/** Visitors' profiles (name, e-mail, phone, custom fields, external ids) not seen for that long. */
	VISITORS
}
