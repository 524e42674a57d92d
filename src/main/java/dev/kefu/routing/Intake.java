package dev.kefu.routing;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.Conversations;
import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.shared.AfterCommit;

/**
 * Where a customer's request for a chat enters routing: resume the open conversation, or check business hours,
 * online agents and queue limit, then open a conversation and queue it in the same transaction.
 */
@Service
public class Intake {

	private final Conversations conversations;
	private final Groups groups;
	private final Queues queues;
	private final Dispatcher dispatcher;
	private final TransactionTemplate transactions;
	private final ObjectProvider<FirstResponder> firstResponders;
	private final Clock clock;

	Intake(Conversations conversations, Groups groups, Queues queues, Dispatcher dispatcher,
			TransactionTemplate transactions, ObjectProvider<FirstResponder> firstResponders, Clock clock) {
		this.conversations = conversations;
		this.groups = groups;
		this.queues = queues;
		this.dispatcher = dispatcher;
		this.transactions = transactions;
		this.firstResponders = firstResponders;
		this.clock = clock;
	}

	/** Either a conversation (new or resumed) with its queue place, or why none could be opened. */
	public record Started(@Nullable Conversation conversation, @Nullable QueuePosition queue,
			Queues.@Nullable Unavailability unavailable, boolean resumed) {
	}

	/**
	 * A customer writes in through a channel ({@code channel} the provider id, {@code channelId} the instance): the
	 * same path for every channel, so the assistant, routing, the queue, QA and reports treat them all alike.
	 */
	public Started start(UUID organizationId, UUID contactId, @Nullable UUID groupId, String channel, UUID channelId) {
		Optional<Conversation> open = conversations.openOf(organizationId, contactId);
		if (open.isPresent()) {
			Conversation c = open.get();
			return new Started(c, queues.position(organizationId, c.id()).orElse(null), null, true);
		}
		Groups.Routable routable = groups.routable(organizationId, groupId);
		BusinessGroup group = routable.group();
		// The assistant answers at any hour and with nobody online; it offers leave-a-message when it must let go.
		if (firstResponders.orderedStream().anyMatch(r -> r.servesNewChats(organizationId, group.id()))) {
			return new Started(conversations.openWithAssistant(organizationId, contactId, group.id(), channel, channelId), null, null,
					false);
		}
		Optional<Queues.Unavailability> unavailable = unavailability(organizationId, routable);
		if (unavailable.isPresent()) {
			return unavailable(unavailable.get());
		}
		Conversation conversation = transactions.execute(status -> {
			Conversation c = conversations.open(organizationId, contactId, group.id(), channel, channelId);
			queues.enqueue(c, c.createdAt());
			AfterCommit.run(() -> dispatcher.request(organizationId, group.id()));
			return c;
		});
		return new Started(conversation, queues.position(organizationId, conversation.id()).orElse(null), null, false);
	}

	/**
	 * Gives a chat the assistant was serving to its group's queue, unless nobody can take it now: then the answer is
	 * why, the chat stays with the assistant, and the customer can leave a message instead.
	 */
	public Optional<Queues.Unavailability> handOver(UUID organizationId, UUID conversationId, String reason) {
		Conversation served = conversations.require(organizationId, conversationId);
		Groups.Routable routable = groups.routable(organizationId, served.groupId());
		Optional<Queues.Unavailability> unavailable = unavailability(organizationId, routable);
		if (unavailable.isPresent()) {
			return unavailable;
		}
		transactions.executeWithoutResult(status -> {
			if (conversations.handOver(organizationId, conversationId, served.groupId(), reason)) {
				queues.enqueue(conversations.require(organizationId, conversationId), clock.instant());
				AfterCommit.run(() -> dispatcher.request(organizationId, served.groupId()));
			}
		});
		return Optional.empty();
	}

	/**
	 * Why no chat can be opened in the group right now, if none can: closed, nobody online, or the queue is full.
	 * Leave-a-message records it as the reason a ticket was left.
	 */
	public Optional<Queues.Unavailability> unavailability(UUID organizationId, BusinessGroup group) {
		return unavailability(organizationId, groups.routable(organizationId, group.id()));
	}

	private Optional<Queues.Unavailability> unavailability(UUID organizationId, Groups.Routable routable) {
		if (!routable.isOpen(clock.instant())) {
			return Optional.of(Queues.Unavailability.OUTSIDE_BUSINESS_HOURS);
		}
		return queues.unavailability(organizationId, routable.group().id(), routable.group().queueLimit());
	}

	private static Started unavailable(Queues.Unavailability reason) {
		return new Started(null, null, reason, false);
	}
}
