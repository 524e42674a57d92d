package dev.kefu.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationClosed;
import dev.kefu.conversation.ConversationRated;
import dev.kefu.conversation.Conversations;
import dev.kefu.conversation.Messages;
import dev.kefu.conversation.SummarySaved;
import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.Organizations;
import dev.kefu.quality.ReviewCompleted;
import dev.kefu.tagging.ConversationTagsChanged;
import dev.kefu.tagging.Tagging;
import dev.kefu.ticket.CallbackAttempted;
import dev.kefu.ticket.TicketAnswered;
import dev.kefu.ticket.TicketOpened;

/**
 * Feeds the reports from domain events. These come from the event publication registry, so a node that dies before
 * recording a fact leaves the event to be republished, not a hole in the figures. A conversation is measured once it
 * has ended, and measured again when it is rated, its summary is saved or its tags change.
 */
@Component
class ReportFeed {

	private final Conversations conversations;
	private final Messages messages;
	private final Organizations organizations;
	private final Groups groups;
	private final ConversationFacts facts;
	private final TicketFacts tickets;
	private final ReviewFacts reviews;
	private final Tagging tagging;

	ReportFeed(Conversations conversations, Messages messages, Organizations organizations, Groups groups,
			ConversationFacts facts, TicketFacts tickets, ReviewFacts reviews, Tagging tagging) {
		this.tagging = tagging;
		this.conversations = conversations;
		this.messages = messages;
		this.organizations = organizations;
		this.groups = groups;
		this.facts = facts;
		this.tickets = tickets;
		this.reviews = reviews;
	}

	@ApplicationModuleListener
	void on(ConversationClosed closed) {
		record(closed.organizationId(), closed.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationRated rated) {
		record(rated.organizationId(), rated.conversationId());
	}

	@ApplicationModuleListener
	void on(SummarySaved saved) {
		record(saved.organizationId(), saved.conversationId());
	}

	/** Tags may change after the close: the fact follows (while the chat is open there is no fact yet). */
	@ApplicationModuleListener
	void on(ConversationTagsChanged changed) {
		record(changed.organizationId(), changed.conversationId());
	}

	@ApplicationModuleListener
	void on(TicketOpened opened) {
		tickets.opened(opened.organizationId(), opened.ticketId(), opened.at(), day(opened.organizationId(), opened.at()),
				opened.groupId(), centerOf(opened.organizationId(), opened.groupId()),
				opened.kind() == null ? "MESSAGE" : opened.kind());
	}

	/** A call answers a call-back request as a written answer does a left message: the first one times it. */
	@ApplicationModuleListener
	void on(CallbackAttempted attempted) {
		tickets.answered(attempted.organizationId(), attempted.ticketId(), attempted.agentId(), attempted.at());
		tickets.callbackAttempted(attempted.organizationId(), attempted.ticketId(), attempted.outcome(),
				attempted.attempt());
	}

	@ApplicationModuleListener
	void on(TicketAnswered answered) {
		tickets.answered(answered.organizationId(), answered.ticketId(), answered.agentId(), answered.at());
	}

	@ApplicationModuleListener
	void on(ReviewCompleted review) {
		Conversation c = conversations.require(review.organizationId(), review.conversationId());
		reviews.scored(review, day(review.organizationId(), review.at()), c.groupId(),
				centerOf(review.organizationId(), c.groupId()), c.channel());
	}

	/** Measures the conversation as it stands now and stores the result; nothing while it is still open. */
	@Transactional
	void record(UUID organizationId, UUID conversationId) {
		Conversation read = conversations.require(organizationId, conversationId);
		if (!read.state().isOpen()) {
			facts.save(measure(read), () -> measure(conversations.require(organizationId, conversationId)));
		}
	}

	private ConversationFacts.Placed measure(Conversation c) {
		ConversationFact fact = ConversationFact.measure(c, conversations.transitions(c.organizationId(), c.id()),
				messages.all(c.organizationId(), c.id()));
		return new ConversationFacts.Placed(fact, day(c.organizationId(), c.createdAt()),
				centerOf(c.organizationId(), c.groupId()), tagging.dispositionOf(c.organizationId(), c.id()).orElse(null),
				tagging.tagsOf(c.organizationId(), c.id()));
	}

	private LocalDate day(UUID organizationId, Instant at) {
		return at.atZone(organizations.require(organizationId).timeZone()).toLocalDate();
	}

	private @Nullable UUID centerOf(UUID organizationId, UUID groupId) {
		return groups.find(organizationId, groupId).map(BusinessGroup::centerId).orElse(null);
	}
}
