package dev.kefu.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationState;
import dev.kefu.conversation.Message;
import dev.kefu.conversation.ParticipantType;
import dev.kefu.conversation.Transition;

/**
 * What one ended conversation contributes to the reports, measured once from its transitions and messages exactly as
 * docs/metrics.md defines each figure. Durations are null where the figure does not apply (no wait for a chat nobody
 * answered, no after-chat work without a summary), so averages leave those conversations out.
 */
record ConversationFact(UUID conversationId, UUID organizationId, UUID groupId, @Nullable UUID agentId,
		String channel, Instant startedAt, Instant endedAt, boolean assistantServed, boolean handedOver,
		boolean offered, boolean answered, boolean abandoned, boolean effective, int transfers,
		@Nullable Duration waitTime, @Nullable Duration firstResponseTime, int responses, Duration responseTime,
		@Nullable Duration handleTime, @Nullable Duration afterChatWork, int customerMessages, int agentMessages,
		@Nullable Integer rating) {

	/** Served by the assistant from the start and ended without reaching a person. */
	boolean assistantResolved() {
		return assistantServed && !handedOver && !offered;
	}

	/**
	 * Measures an ended conversation. {@code transitions} in the order they happened; {@code messages} by sequence
	 * number, all of them.
	 */
	static ConversationFact measure(Conversation conversation, List<Transition> transitions, List<Message> messages) {
		if (conversation.state().isOpen() || conversation.closedAt() == null) {
			throw new IllegalArgumentException("conversation " + conversation.id() + " has not ended");
		}
		Instant queued = first(transitions, ConversationState.QUEUED);
		Instant assigned = first(transitions, ConversationState.ASSIGNED);
		Instant ended = conversation.closedAt();
		Replies replies = Replies.of(messages, assigned);
		return new ConversationFact(conversation.id(), conversation.organizationId(), conversation.groupId(),
				conversation.agentId(), conversation.channel(), conversation.createdAt(), ended,
				!transitions.isEmpty() && transitions.getFirst().to() == ConversationState.BOT,
				transitions.stream().anyMatch(t -> t.kind().equals("handed-over")), queued != null, assigned != null,
				conversation.state() == ConversationState.ABANDONED, replies.effective(),
				(int) transitions.stream().filter(t -> t.kind().equals("transferred")).count(),
				between(queued, assigned), replies.first() == null ? null : between(assigned, replies.first()),
				replies.count(), replies.total(), between(assigned, ended),
				afterChatWork(conversation.summaryAt(), ended), count(messages, ParticipantType.CONTACT),
				count(messages, ParticipantType.AGENT), conversation.rating());
	}

	private static @Nullable Instant first(List<Transition> transitions, ConversationState to) {
		return transitions.stream().filter(t -> t.to() == to).map(Transition::at).findFirst().orElse(null);
	}

	private static @Nullable Duration between(@Nullable Instant from, @Nullable Instant to) {
		return from == null || to == null ? null : Duration.between(from, to);
	}

	/** Close to summary; a summary written before the close leaves no work after it. */
	private static @Nullable Duration afterChatWork(@Nullable Instant summaryAt, Instant closedAt) {
		return summaryAt == null ? null : summaryAt.isAfter(closedAt) ? Duration.between(closedAt, summaryAt) : Duration.ZERO;
	}

	private static int count(List<Message> messages, ParticipantType type) {
		return (int) messages.stream().filter(m -> m.sender().type() == type).count();
	}

	/**
	 * The agents' answers to the customer from the first assignment on. Each agent message that follows customer
	 * messages nobody has answered yet is one response, timed from the earliest of them; the first agent message at
	 * all is the first response, timed from the assignment.
	 */
	record Replies(@Nullable Instant first, int count, Duration total) {

		/** The customer wrote and an agent answered. */
		boolean effective() {
			return count > 0;
		}

		static Replies of(List<Message> messages, @Nullable Instant assigned) {
			if (assigned == null) {
				return new Replies(null, 0, Duration.ZERO);
			}
			Instant first = null;
			Instant waitingSince = null;
			int count = 0;
			Duration total = Duration.ZERO;
			for (Message m : messages) {
				ParticipantType type = m.sender().type();
				if (type == ParticipantType.CONTACT && waitingSince == null) {
					// Written before the assignment (to the assistant, or while queued): the agent's clock starts
					// when they got the chat.
					waitingSince = m.createdAt().isBefore(assigned) ? assigned : m.createdAt();
				}
				else if (type == ParticipantType.AGENT && !m.createdAt().isBefore(assigned)) {
					first = first == null ? m.createdAt() : first;
					if (waitingSince != null) {
						count++;
						total = total.plus(Duration.between(waitingSince, m.createdAt()));
						waitingSince = null;
					}
				}
			}
			return new Replies(first, count, total);
		}
	}
}
