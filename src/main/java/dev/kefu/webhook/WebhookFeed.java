package dev.kefu.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactUpdated;
import dev.kefu.contact.Contacts;
import dev.kefu.conversation.ConversationAssigned;
import dev.kefu.conversation.ConversationClosed;
import dev.kefu.conversation.ConversationHandedOver;
import dev.kefu.conversation.ConversationOpened;
import dev.kefu.conversation.ConversationRated;
import dev.kefu.conversation.ConversationTransferred;
import dev.kefu.conversation.MessageCreated;
import dev.kefu.ticket.TicketAnswered;
import dev.kefu.ticket.TicketClosed;
import dev.kefu.ticket.TicketOpened;

/**
 * Turns domain events into deliveries. The events come through the event publication registry, so one a node did
 * not get to write (it died) is republished at restart; the outbox ignores an event it already has. Messages come as
 * {@link MessageCreated}, which the message path publishes only for organizations with a message.created endpoint
 * (see {@link Endpoints#wanted}): the after-commit MessageAppended is a notification nothing keeps.
 */
@Component
class WebhookFeed {

	private final Endpoints endpoints;
	private final Outbox outbox;
	private final Contacts contacts;

	WebhookFeed(Endpoints endpoints, Outbox outbox, Contacts contacts) {
		this.endpoints = endpoints;
		this.outbox = outbox;
		this.contacts = contacts;
	}

	@ApplicationModuleListener
	void on(ConversationOpened e) {
		feed(e.organizationId(), WebhookEvent.CONVERSATION_OPENED, e.conversationId(), e.conversationId(), e.at(), e);
	}

	@ApplicationModuleListener
	void on(ConversationAssigned e) {
		feed(e.organizationId(), WebhookEvent.CONVERSATION_ASSIGNED, e.conversationId(), e.conversationId(), e.at(), e);
	}

	@ApplicationModuleListener
	void on(ConversationTransferred e) {
		feed(e.organizationId(), WebhookEvent.CONVERSATION_TRANSFERRED, e.conversationId(), e.conversationId(), e.at(),
				e);
	}

	@ApplicationModuleListener
	void on(ConversationHandedOver e) {
		feed(e.organizationId(), WebhookEvent.CONVERSATION_HANDED_OVER, e.conversationId(), e.conversationId(), e.at(),
				e);
	}

	@ApplicationModuleListener
	void on(ConversationClosed e) {
		feed(e.organizationId(), WebhookEvent.CONVERSATION_CLOSED, e.conversationId(), e.conversationId(), e.at(), e);
	}

	@ApplicationModuleListener
	void on(ConversationRated e) {
		feed(e.organizationId(), WebhookEvent.CONVERSATION_RATED, e.conversationId(), e.conversationId(), e.at(), e);
	}

	@ApplicationModuleListener
	void on(MessageCreated e) {
		List<Endpoint> to = endpoints.subscribedTo(e.organizationId(), WebhookEvent.MESSAGE_CREATED);
		if (!to.isEmpty()) {
			outbox.enqueue(new Outbox.Event(e.organizationId(), WebhookEvent.MESSAGE_CREATED,
					"message.created:" + e.messageId(), e.conversationId(), e.at(), e.seq(), e), to);
		}
	}

	@ApplicationModuleListener
	void on(TicketOpened e) {
		feed(e.organizationId(), WebhookEvent.TICKET_OPENED, e.ticketId(), e.ticketId(), e.at(), e);
	}

	@ApplicationModuleListener
	void on(TicketAnswered e) {
		feed(e.organizationId(), WebhookEvent.TICKET_ANSWERED, e.entryId(), e.ticketId(), e.at(), e);
	}

	@ApplicationModuleListener
	void on(TicketClosed e) {
		feed(e.organizationId(), WebhookEvent.TICKET_CLOSED, e.ticketId(), e.ticketId(), e.at(), e);
	}

	@ApplicationModuleListener
	void on(ContactUpdated e) {
		List<Endpoint> to = endpoints.subscribedTo(e.organizationId(), WebhookEvent.CONTACT_UPDATED);
		if (!to.isEmpty()) {
			// The profile as it is now: the event only says that it changed.
			contacts.find(e.organizationId(), e.contactId())
				.ifPresent(contact -> outbox.enqueue(new Outbox.Event(e.organizationId(), WebhookEvent.CONTACT_UPDATED,
						"contact.updated:" + e.contactId() + ":" + e.at(), e.contactId(), e.at(), 0, contact), to));
		}
	}

	/** {@code subject} and the time name the event: an assignment of the same conversation later is another one. */
	private void feed(UUID organizationId, WebhookEvent type, UUID subject, UUID orderingKey, Instant at, Object data) {
		List<Endpoint> to = endpoints.subscribedTo(organizationId, type);
		if (!to.isEmpty()) {
			outbox.enqueue(new Outbox.Event(organizationId, type, type.type + ":" + subject + ":" + at, orderingKey, at,
					0, data), to);
		}
	}
}
