package dev.kefu.webhook;

import java.util.Arrays;
import java.util.List;

/** The events an endpoint can subscribe to, by the {@code type} the receiver sees. */
enum WebhookEvent {

	CONVERSATION_OPENED("conversation.opened"), CONVERSATION_ASSIGNED("conversation.assigned"),
	CONVERSATION_TRANSFERRED("conversation.transferred"), CONVERSATION_HANDED_OVER("conversation.handed_over"),
	CONVERSATION_CLOSED("conversation.closed"), CONVERSATION_RATED("conversation.rated"),
	MESSAGE_CREATED("message.created"), TICKET_OPENED("ticket.opened"), TICKET_ANSWERED("ticket.answered"),
	TICKET_CLOSED("ticket.closed"), CONTACT_UPDATED("contact.updated");

	final String type;

	WebhookEvent(String type) {
		this.type = type;
	}

	static List<String> types() {
		return Arrays.stream(values()).map(e -> e.type).toList();
	}
}
