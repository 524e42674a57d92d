package dev.kefu.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.contact.Contact;
import dev.kefu.contact.ContactProfile;
import dev.kefu.contact.Contacts;
import dev.kefu.contact.VisitorSendBudget;
import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.routing.Intake;
import dev.kefu.shared.Ids;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.StateConflict;
import dev.kefu.shared.VisitorCaller;

/**
 * The customer's side: leave a message, see the answers on return, write again. A resend with the same client id
 * finds what was stored, so a flaky network never turns one message into two, and nothing the customer wrote is lost.
 */
@Service
class LeaveAMessage {

	private static final Logger log = LoggerFactory.getLogger(LeaveAMessage.class);

	private final Tickets tickets;
	private final TicketRouting routing;
	private final Groups groups;
	private final Contacts contacts;
	private final Intake intake;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final VisitorSendBudget sendBudget;

	LeaveAMessage(Tickets tickets, TicketRouting routing, Groups groups, Contacts contacts, Intake intake,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
			VisitorSendBudget sendBudget) {
		this.sendBudget = sendBudget;
		this.tickets = tickets;
		this.routing = routing;
		this.groups = groups;
		this.contacts = contacts;
		this.intake = intake;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The stored ticket, and whether this call was a resend of one stored before. */
	record Left(Ticket ticket, boolean duplicate) {
	}

	/** The ticket with the customer's new entry (or the stored one, on a resend). */
	record FollowedUp(Ticket ticket, TicketEntry entry, boolean duplicate) {
	}

	/**
	 * Leaves a message in the group (the widget's default group when none is named). The contact details not given
	 * are taken from the customer's profile; an e-mail address or a phone number is required.
	 */
	Left leave(VisitorCaller visitor, String clientMsgId, @Nullable UUID groupId, ContactDetails given,
			@Nullable String subject, String body) {
		TicketEntry.validate(clientMsgId, body);
		Optional<Ticket> stored = tickets.byClientId(visitor.organizationId(), visitor.contactId(), clientMsgId);
		if (stored.isPresent()) {
			return new Left(stored.get(), true);
		}
		sendBudget.take(visitor.contactId());
		BusinessGroup group = groupId == null ? groups.defaultGroup(visitor.organizationId())
				: groups.require(visitor.organizationId(), groupId);
		Contact profile = contacts.require(visitor.organizationId(), visitor.contactId());
		ContactDetails details = given.orFrom(profile).requireReachable();
		Instant now = clock.instant();
		Ticket ticket = new Ticket(Ids.newId(), visitor.organizationId(), group.id(), visitor.contactId(),
				TicketState.OPEN, LeftBecause.of(intake.unavailability(visitor.organizationId(), group)), null,
				details, tickets.subject(visitor.organizationId(), subject, body), now, now, now, null, null, null,
				null, null, null, TicketKind.MESSAGE, null);
		try {
			transactions.executeWithoutResult(status -> {
				tickets.insert(ticket, clientMsgId);
				tickets.append(ticket, clientMsgId, TicketEntry.Author.CONTACT, visitor.contactId(), details.name(),
						body.strip(), now);
				events.publishEvent(new TicketOpened(ticket.organizationId(), ticket.id(), group.id(),
						visitor.contactId(), ticket.reason().name(), now, TicketKind.MESSAGE.name()));
			});
		}
		catch (DuplicateKeyException concurrentResend) {
			return new Left(tickets.byClientId(visitor.organizationId(), visitor.contactId(), clientMsgId).orElseThrow(),
					true);
		}
		remember(profile, given);
		return new Left(route(ticket), false);
	}

	/**
	 * Asks for a call back on the phone number given, in the window given (both ends null: as soon as possible). It is
	 * a ticket of kind CALLBACK, routed and answered like a left message; the note, if any, starts its thread.
	 */
	Left requestCallback(VisitorCaller visitor, String clientMsgId, @Nullable UUID groupId, @Nullable String name,
			@Nullable String phone, @Nullable Instant from, @Nullable Instant until, @Nullable String note) {
		TicketEntry.validateClientId(clientMsgId);
		String number = Callback.phone(phone);
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null) {
			TicketEntry.validate(clientMsgId, text);
		}
		Optional<Ticket> stored = tickets.byClientId(visitor.organizationId(), visitor.contactId(), clientMsgId);
		if (stored.isPresent()) {
			return new Left(stored.get(), true);
		}
		Instant now = clock.instant();
		Callback callback = Callback.requested(from, until, now);
		sendBudget.take(visitor.contactId());
		BusinessGroup group = groupId == null ? groups.defaultGroup(visitor.organizationId())
				: groups.require(visitor.organizationId(), groupId);
		Contact profile = contacts.require(visitor.organizationId(), visitor.contactId());
		ContactDetails given = ContactDetails.given(name, null, number);
		ContactDetails details = given.orFrom(profile);
		Ticket ticket = new Ticket(Ids.newId(), visitor.organizationId(), group.id(), visitor.contactId(),
				TicketState.OPEN, LeftBecause.of(intake.unavailability(visitor.organizationId(), group)), null,
				details, text == null ? number : tickets.subject(visitor.organizationId(), null, text), now, now, now,
				null, null, null, null, null, null, TicketKind.CALLBACK, callback);
		try {
			transactions.executeWithoutResult(status -> {
				tickets.insert(ticket, clientMsgId);
				if (text != null) {
					tickets.append(ticket, clientMsgId, TicketEntry.Author.CONTACT, visitor.contactId(),
							details.name(), text, now);
				}
				events.publishEvent(new TicketOpened(ticket.organizationId(), ticket.id(), group.id(),
						visitor.contactId(), ticket.reason().name(), now, TicketKind.CALLBACK.name()));
			});
		}
		catch (DuplicateKeyException concurrentResend) {
			return new Left(tickets.byClientId(visitor.organizationId(), visitor.contactId(), clientMsgId).orElseThrow(),
					true);
		}
		remember(profile, given);
		return new Left(route(ticket), false);
	}

	/**
	 * The customer writes again on their ticket; an answered or closed ticket opens again. One that nobody has (handed
	 * back to the group) goes to an online agent like a new one.
	 */
	FollowedUp followUp(VisitorCaller visitor, UUID ticketId, String clientMsgId, String body) {
		TicketEntry.validate(clientMsgId, body);
		sendBudget.take(visitor.contactId());
		FollowedUp followedUp = append(visitor, ticketId, clientMsgId, body);
		if (followedUp.duplicate() || followedUp.ticket().assigneeId() != null) {
			return followedUp;
		}
		return new FollowedUp(route(followedUp.ticket()), followedUp.entry(), false);
	}

	private FollowedUp append(VisitorCaller visitor, UUID ticketId, String clientMsgId, String body) {
		return transactions.execute(status -> {
			Ticket ticket = tickets.lock(visitor.organizationId(), ticketId);
			if (!ticket.contactId().equals(visitor.contactId())) {
				throw new ResourceNotFound("ticket", ticketId);
			}
			Optional<TicketEntry> stored = tickets.entryByClientId(ticketId, clientMsgId);
			if (stored.isPresent()) {
				if (stored.get().author() != TicketEntry.Author.CONTACT) {
					throw new StateConflict("client-id-reused",
							"client message id " + clientMsgId + " was already used by someone else on this ticket");
				}
				return new FollowedUp(ticket, stored.get(), true);
			}
			Instant now = clock.instant();
			Ticket next = ticket.followedUp(now);
			tickets.save(next);
			TicketEntry entry = tickets.append(next, clientMsgId, TicketEntry.Author.CONTACT, visitor.contactId(),
					next.contactDetails().name(), body.strip(), now);
			events.publishEvent(new TicketFollowedUp(next.organizationId(), next.id(), next.groupId(),
					next.assigneeId(), entry.id(), ticket.state() == TicketState.CLOSED, now));
			return new FollowedUp(next, entry, false);
		});
	}

	List<Ticket> mine(VisitorCaller visitor) {
		return tickets.ofContact(visitor.organizationId(), visitor.contactId(), 50);
	}

	Ticket one(VisitorCaller visitor, UUID ticketId) {
		return tickets.find(visitor.organizationId(), ticketId)
			.filter(ticket -> ticket.contactId().equals(visitor.contactId()))
			.orElseThrow(() -> new ResourceNotFound("ticket", ticketId));
	}

	/**
	 * Hands a stored ticket to an online agent. A failure here leaves it waiting for the next agent to come online or
	 * to claim it; the customer's message is stored, so the request still succeeds.
	 */
	private Ticket route(Ticket ticket) {
		try {
			return routing.toOnlineAgent(ticket);
		}
		catch (RuntimeException e) {
			log.warn("Could not hand ticket {} to an online agent; it waits for the next one", ticket.id(), e);
			return ticket;
		}
	}

	/**
	 * Fills in the blanks of the customer's profile with what they gave here, so the next agent who serves them sees
	 * it. Never overwrites, and never fails the ticket, which is already stored.
	 */
	private void remember(Contact profile, ContactDetails given) {
		ContactProfile blanks = new ContactProfile(profile.name() == null ? given.name() : null,
				profile.email() == null ? given.email() : null, profile.phone() == null ? given.phone() : null, null);
		if (blanks.name() == null && blanks.email() == null && blanks.phone() == null) {
			return;
		}
		try {
			contacts.update(profile.organizationId(), profile.id(), blanks);
		}
		catch (RuntimeException e) {
			log.warn("Could not copy the contact details of a ticket to contact {}", profile.id(), e);
		}
	}
}
