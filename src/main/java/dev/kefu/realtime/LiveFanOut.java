package dev.kefu.realtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.kefu.channel.MessageDeliveryChanged;
import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationAssigned;
import dev.kefu.conversation.ConversationClosed;
import dev.kefu.conversation.ConversationEvents;
import dev.kefu.conversation.ConversationHandedOver;
import dev.kefu.conversation.ConversationRequeued;
import dev.kefu.conversation.ConversationTransferred;
import dev.kefu.conversation.Conversations;
import dev.kefu.conversation.MessageAppended;
import dev.kefu.conversation.NoteAdded;
import dev.kefu.conversation.ParticipantType;
import dev.kefu.conversation.ReceiptUpdated;
import dev.kefu.conversation.VisitChanged;
import dev.kefu.routing.AgentStatusChanged;
import dev.kefu.routing.Agents;
import dev.kefu.routing.QueueChanged;
import dev.kefu.routing.QueuePosition;
import dev.kefu.routing.Queues;
import dev.kefu.shared.AfterCommit;
import dev.kefu.ticket.CallbackAttempted;
import dev.kefu.ticket.TicketAnswered;
import dev.kefu.ticket.TicketFollowedUp;
import dev.kefu.ticket.TicketOpened;

/**
 * Turns what the modules announce into frames for the topics that care. Everything here happens after commit; a
 * frame that does not arrive is recovered by the client's catch-up by sequence number.
 */
@Component
class LiveFanOut implements DisposableBean {

	/** How many of the waiting chats a {@code queue.group} frame lists. */
	static final int QUEUE_HEAD = 20;

	static final Duration QUEUE_FRAMES_EVERY = Duration.ofMillis(250);

	private static final Object CONVERSATION_EVENTS = new Object();

	private final LiveHub hub;
	private final Frames frames;
	private final Conversations conversations;
	private final Queues queues;
	private final Agents agents;
	private final Throttle queueFrames = new Throttle("kefu-queue-frames", QUEUE_FRAMES_EVERY);

	LiveFanOut(LiveHub hub, Frames frames, Conversations conversations, Queues queues, Agents agents) {
		this.hub = hub;
		this.frames = frames;
		this.conversations = conversations;
		this.queues = queues;
		this.agents = agents;
	}

	@EventListener
	void on(MessageAppended appended) {
		String frame = frames.frame("message", "message", appended.message());
		hub.publish(LiveHub.visitor(appended.contactId()), frame);
		if (appended.agentId() != null) {
			hub.publish(LiveHub.staff(appended.agentId()), frame);
		}
		hub.publish(LiveHub.conversation(appended.message().conversationId()), frame);
	}

	@EventListener
	void on(NoteAdded added) {
		String frame = frames.frame("note", "note", added.note());
		if (added.agentId() != null) {
			hub.publish(LiveHub.staff(added.agentId()), frame);
		}
		hub.publish(LiveHub.conversation(added.note().conversationId()), frame);
	}

	@EventListener
	void on(ReceiptUpdated receipt) {
		String frame = frames.frame("receipt", "conversationId", receipt.conversationId(), "reader",
				receipt.reader().name(), "read", receipt.readSeq());
		if (receipt.reader() == ParticipantType.CONTACT) {
			if (receipt.agentId() != null) {
				hub.publish(LiveHub.staff(receipt.agentId()), frame);
			}
		}
		else {
			hub.publish(LiveHub.visitor(receipt.contactId()), frame);
		}
		hub.publish(LiveHub.conversation(receipt.conversationId()), frame);
	}

	/** Small on purpose: the desk reads the visit again when the conversation is open on screen. */
	@EventListener
	void on(VisitChanged changed) {
		AfterCommit.run(() -> {
			String frame = frames.frame("visit", "conversationId", changed.conversationId());
			if (changed.agentId() != null) {
				hub.publish(LiveHub.staff(changed.agentId()), frame);
			}
			hub.publish(LiveHub.conversation(changed.conversationId()), frame);
		});
	}

	/**
	 * Deferred to after commit by hand rather than with {@code @TransactionalEventListener}: Spring Modulith records
	 * every transactional listener in the event publication registry and marks it in a new transaction, which needs a
	 * second database connection while the committed one is still held; under load that exhausted the pool and
	 * stalled every request. Fan-out is best effort and needs no registry.
	 */
	@EventListener
	void on(ConversationEvents event) {
		AfterCommit.collect(CONVERSATION_EVENTS, event, this::fanOut);
	}

	/** A round of assignments announces dozens of conversations at once: they are read back in one query. */
	private void fanOut(List<ConversationEvents> events) {
		events.stream().collect(Collectors.groupingBy(ConversationEvents::organizationId)).forEach((org, ofOrg) -> {
			Map<UUID, Conversation> current = conversations
				.findAll(org, ofOrg.stream().map(ConversationEvents::conversationId).collect(Collectors.toSet()))
				.stream()
				.collect(Collectors.toMap(Conversation::id, c -> c));
			ofOrg.forEach(event -> {
				Conversation c = current.get(event.conversationId());
				if (c != null) {
					fanOut(event, c);
				}
			});
		});
	}

	private void fanOut(ConversationEvents event, Conversation c) {
		String frame = frames.frame("conversation", "event", name(event), "conversation", c, "agentName",
				servingName(event));
		hub.publish(LiveHub.visitor(event.contactId()), frame);
		for (UUID staffId : staffConcerned(event)) {
			hub.publish(LiveHub.staff(staffId), frame);
		}
		hub.publish(LiveHub.conversation(c.id()), frame);
		hub.publish(LiveHub.organization(c.organizationId()), frame);
	}

	/**
	 * Coalesced per group, at most {@link #QUEUE_FRAMES_EVERY} apart: during a burst the queue changes hundreds of
	 * times a second, and each broadcast reads the queue and tells every waiting visitor and every agent of the group.
	 */
	@EventListener
	void on(QueueChanged changed) {
		queueFrames.request(changed.groupId(), () -> broadcast(changed));
	}

	private void broadcast(QueueChanged changed) {
		List<QueuePosition> waiting = queues.positions(changed.organizationId(), changed.groupId());
		for (QueuePosition position : waiting) {
			String topic = LiveHub.visitor(position.contactId());
			if (hub.mayHaveSubscribers(topic)) {
				hub.publish(topic, frames.frame("queue", "conversationId", position.conversationId(), "position",
						position.position(), "estimatedWaitSeconds", position.estimatedWaitSeconds()));
			}
		}
		// The head of the queue only: every agent of the group gets this on every change, so a frame carrying the
		// whole queue made a burst cost the square of the queue's length.
		String groupFrame = frames.frame("queue.group", "groupId", changed.groupId(), "waitingCount", waiting.size(),
				"waiting", waiting.subList(0, Math.min(waiting.size(), QUEUE_HEAD)), "agents",
				agents.ofGroup(changed.organizationId(), changed.groupId()));
		hub.publish(LiveHub.group(changed.groupId()), groupFrame);
		hub.publish(LiveHub.organization(changed.organizationId()), groupFrame);
	}

	/** After commit by hand, for the reason given at {@link #on(ConversationEvents)}. */
	@EventListener
	void on(AgentStatusChanged changed) {
		AfterCommit.run(() -> fanOut(changed));
	}

	private void fanOut(AgentStatusChanged changed) {
		String frame = frames.frame("agent", "agent", agents.require(changed.organizationId(), changed.staffId()));
		hub.publish(LiveHub.staff(changed.staffId()), frame);
		hub.publish(LiveHub.organization(changed.organizationId()), frame);
	}

	/**
	 * A left message waits for an answer, new or written again: the agents of its group hear of it, as of a new chat,
	 * and read the tickets themselves. After commit by hand, for the reason given at {@link #on(ConversationEvents)}.
	 */
	@EventListener
	void on(TicketOpened opened) {
		AfterCommit.run(() -> hub.publish(LiveHub.group(opened.groupId()),
				frames.frame("ticket", "event", "opened", "ticketId", opened.ticketId(), "groupId", opened.groupId())));
	}

	@EventListener
	void on(TicketFollowedUp followedUp) {
		AfterCommit.run(() -> hub.publish(LiveHub.group(followedUp.groupId()), frames.frame("ticket", "event",
				"followed-up", "ticketId", followedUp.ticketId(), "groupId", followedUp.groupId())));
	}

	/**
	 * The customer hears of an answer on every tab of theirs, as of a chat message, and reads it with their own token
	 * ({@code GET /api/v1/visitor/tickets/{id}}): the frame names the ticket and carries nothing else.
	 */
	@EventListener
	void on(TicketAnswered answered) {
		AfterCommit.run(() -> hub.publish(LiveHub.visitor(answered.contactId()),
				frames.frame("ticket", "event", "answered", "ticketId", answered.ticketId())));
	}

	/** Likewise a call on the customer's call-back request: the widget shows how it went without a reload. */
	@EventListener
	void on(CallbackAttempted called) {
		AfterCommit.run(() -> hub.publish(LiveHub.visitor(called.contactId()),
				frames.frame("ticket", "event", "called", "ticketId", called.ticketId())));
	}

	/**
	 * A message to a customer of a queued channel (e-mail, WeChat) was sent or failed: the agent serving the chat and
	 * whoever watches it see it on the message. Small: the desk knows the message.
	 */
	@EventListener
	void on(MessageDeliveryChanged changed) {
		AfterCommit.run(() -> {
			String frame = frames.frame("delivery", "conversationId", changed.conversationId(), "messageId",
					changed.messageId(), "status", changed.status(), "attempts", changed.attempts(), "error",
					changed.error());
			conversations.find(changed.organizationId(), changed.conversationId())
				.map(Conversation::agentId)
				.ifPresent(agent -> hub.publish(LiveHub.staff(agent), frame));
			hub.publish(LiveHub.conversation(changed.conversationId()), frame);
		});
	}

	private static List<UUID> staffConcerned(ConversationEvents event) {
		return switch (event) {
			case ConversationAssigned e -> List.of(e.agentId());
			case ConversationTransferred e -> List.of(e.fromAgentId(), e.toAgentId());
			case ConversationRequeued e -> List.of(e.previousAgentId());
			case ConversationClosed e -> e.agentId() == null ? List.of() : List.of(e.agentId());
			default -> List.of();
		};
	}

	/** Who serves the customer after this change, for the widget: the conversation itself carries only an id. */
	private static @Nullable String servingName(ConversationEvents event) {
		return switch (event) {
			case ConversationAssigned e -> e.agentName();
			case ConversationTransferred e -> e.toAgentName();
			default -> null;
		};
	}

	private static String name(ConversationEvents event) {
		return switch (event) {
			case ConversationAssigned e -> "assigned";
			case ConversationTransferred e -> "transferred";
			case ConversationRequeued e -> "requeued";
			case ConversationHandedOver e -> "handed-over";
			case ConversationClosed e -> e.state().name().toLowerCase();
			default -> event.getClass().getSimpleName().replace("Conversation", "").toLowerCase();
		};
	}

	@Override
	public void destroy() {
		queueFrames.close();
	}
}
