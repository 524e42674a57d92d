package dev.kefu.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationState;
import dev.kefu.conversation.Message;
import dev.kefu.conversation.ParticipantType;
import dev.kefu.conversation.Transition;

/**
 * A closed conversation as the inspection rules see it: its messages in order, who had it assigned when, and the
 * customer's rating. Immutable, so rules are pure functions of it and can be tested without a database.
 *
 * @param agentId the agent who had the conversation when it closed
 */
record Transcript(UUID conversationId, UUID agentId, List<Assignment> assignments, List<Line> lines,
		@Nullable Integer rating, Instant closedAt) {

	Transcript {
		assignments = List.copyOf(assignments);
		lines = List.copyOf(lines);
	}

	/** One message; {@code masked}: the privacy module masked a sensitive number in it before it was stored. */
	record Line(UUID messageId, long seq, ParticipantType sender, @Nullable UUID senderId, String text, Instant at,
			boolean masked) {

		Line(UUID messageId, long seq, ParticipantType sender, @Nullable UUID senderId, String text, Instant at) {
			this(messageId, seq, sender, senderId, text, at, false);
		}

		boolean byAgent() {
			return sender == ParticipantType.AGENT;
		}

		boolean byContact() {
			return sender == ParticipantType.CONTACT;
		}
	}

	/**
	 * A stretch of time one agent had the conversation, from an assignment or transfer to the next transfer, requeue or
	 * the close ({@code endedByClose}).
	 */
	record Assignment(UUID agentId, Instant from, Instant until, boolean endedByClose) {

		boolean covers(Instant at) {
			return !at.isBefore(from) && at.isBefore(until);
		}
	}

	/** Assembled from what the conversation module answers; the transitions give the assignments. */
	static Transcript of(Conversation conversation, List<Message> messages, List<Transition> transitions) {
		Instant closedAt = Objects.requireNonNull(conversation.closedAt(), "the conversation is not closed");
		List<Assignment> assignments = new ArrayList<>();
		UUID agent = null;
		Instant since = null;
		for (Transition transition : transitions) {
			if (agent != null) {
				boolean closed = !transition.to().isOpen();
				assignments.add(new Assignment(agent, since, transition.at(), closed));
				agent = null;
			}
			if (transition.to() == ConversationState.ASSIGNED && transition.agentId() != null) {
				agent = transition.agentId();
				since = transition.at();
			}
		}
		if (agent != null) {
			assignments.add(new Assignment(agent, since, closedAt, true));
		}
		List<Line> lines = messages.stream()
			.map(m -> new Line(m.id(), m.seq(), m.sender().type(), m.sender().id(), m.text(), m.createdAt(),
					m.masked()))
			.toList();
		return new Transcript(conversation.id(), Objects.requireNonNull(conversation.agentId()), assignments, lines,
				conversation.rating(), closedAt);
	}

	@Nullable
	Instant firstAssignedAt() {
		return assignments.isEmpty() ? null : assignments.getFirst().from();
	}

	List<Line> agentLines() {
		return lines.stream().filter(Line::byAgent).toList();
	}

	/** The first agent message after the given one. */
	Optional<Line> nextAgentLine(Line after) {
		return lines.stream().filter(line -> line.seq() > after.seq() && line.byAgent()).findFirst();
	}

	/** The assignment during which something happened. */
	Optional<Assignment> assignmentAt(Instant at) {
		return assignments.stream().filter(a -> a.covers(at)).findFirst();
	}

	/** Who answers for a message: its sender if an agent wrote it, else the agent who had the conversation. */
	UUID agentOf(Line line) {
		if (line.byAgent() && line.senderId() != null) {
			return line.senderId();
		}
		return assignmentAt(line.at()).map(Assignment::agentId).orElse(agentId);
	}
}
