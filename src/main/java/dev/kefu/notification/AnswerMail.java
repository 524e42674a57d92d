package dev.kefu.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.Contact;
import dev.kefu.contact.Contacts;
import dev.kefu.organization.Organizations;
import dev.kefu.ticket.TicketAnswered;
import dev.kefu.ticket.TicketThreads;
import dev.kefu.ticket.TicketThreads.Entry;
import dev.kefu.ticket.TicketThreads.TicketThread;

/**
 * The customer who left a message gets the agent's answer by e-mail, as the widget promised. The answer goes to the
 * address they gave with the message, else to the one on their profile now; a customer who gave only a phone number
 * reads it in the widget. Written in the customer's language: Chinese when they (or the agent) wrote Chinese.
 */
@Component
class AnswerMail {

	static final String KIND = "TICKET_ANSWER";

	private final SystemMail mail;
	private final TicketThreads threads;
	private final Contacts contacts;
	private final Organizations organizations;

	AnswerMail(SystemMail mail, TicketThreads threads, Contacts contacts, Organizations organizations) {
		this.mail = mail;
		this.threads = threads;
		this.contacts = contacts;
		this.organizations = organizations;
	}

	static String key(UUID entryId) {
		return "ticket-answer:" + entryId;
	}

	/** Durable: a crash before the mail is queued delivers the event again; the key makes a second queue a no-op. */
	@ApplicationModuleListener
	void on(TicketAnswered answered) {
		if (!mail.configured()) {
			return;
		}
		Optional<TicketThread> found = threads.find(answered.organizationId(), answered.ticketId());
		if (found.isEmpty()) {
			return;
		}
		TicketThread thread = found.get();
		Optional<Entry> answer = thread.entry(answered.entryId());
		Optional<String> to = address(answered.organizationId(), thread);
		if (answer.isEmpty() || to.isEmpty()) {
			return;
		}
		List<String> asked = askedBefore(thread, answer.get());
		List<String> written = new ArrayList<>(asked);
		written.add(answer.get().body());
		String language = Letters.languageOf(written);
		String agent = answer.get().authorName() != null ? answer.get().authorName()
				: Letters.CHINESE.equals(language) ? "客服" : "Our team";
		Letter letter = Letters.answer(language, organizations.require(answered.organizationId()).name(),
				thread.contactName(), agent, thread.subject(), answer.get().body(), asked);
		mail.queue(answered.organizationId(), new OutgoingMail(KIND, key(answered.entryId()), thread.ticketId(),
				thread.contactId(), to.get(), language, letter));
	}

	/** Where an answer to this ticket is mailed, if anywhere: what the desk tells the agent before they answer. */
	Optional<String> address(UUID organizationId, TicketThread thread) {
		if (Addresses.plausible(thread.contactEmail())) {
			return Optional.of(thread.contactEmail());
		}
		return contacts.find(organizationId, thread.contactId()).map(Contact::email).filter(Addresses::plausible);
	}

	/** What the customer wrote since the previous answer: what this answer answers. */
	private static List<String> askedBefore(TicketThread thread, Entry answer) {
		List<String> asked = new ArrayList<>();
		for (Entry entry : thread.entries()) {
			if (entry.id().equals(answer.id())) {
				break;
			}
			if (!entry.fromCustomer()) {
				asked.clear();
			}
			else {
				asked.add(entry.body());
			}
		}
		return asked;
	}
}
