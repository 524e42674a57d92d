package dev.kefu.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.conversation.ParticipantType;

/**
 * Transcripts for rule tests, written as a script in seconds since the chat was assigned:
 * {@code chat().contact(5, "hi").agent(20, "您好").transcript()}.
 */
final class TranscriptFixture {

	static final Instant ASSIGNED = Instant.parse("2025-03-01T02:00:00Z");
	static final UUID AGENT = UUID.fromString("00000000-0000-7000-8000-00000000000a");
	static final UUID OTHER_AGENT = UUID.fromString("00000000-0000-7000-8000-00000000000b");
	static final UUID CONTACT = UUID.fromString("00000000-0000-7000-8000-00000000000c");

	private record Hold(UUID agentId, Instant from) {
	}

	private final List<Transcript.Line> lines = new ArrayList<>();
	private final List<Transcript.Assignment> assignments = new ArrayList<>();
	private @Nullable Hold holding = new Hold(AGENT, ASSIGNED);
	private @Nullable Integer rating;
	private long closedAfter = 3600;

	private TranscriptFixture() {
	}

	/** A chat assigned to {@link #AGENT} at second 0, closed after an hour unless told otherwise. */
	static TranscriptFixture chat() {
		return new TranscriptFixture();
	}

	/** A chat no agent ever had. */
	static TranscriptFixture neverAssigned() {
		TranscriptFixture fixture = new TranscriptFixture();
		fixture.holding = null;
		return fixture;
	}

	TranscriptFixture contact(long second, String text) {
		return line(second, ParticipantType.CONTACT, CONTACT, text);
	}

	TranscriptFixture agent(long second, String text) {
		return line(second, ParticipantType.AGENT, holding == null ? AGENT : holding.agentId(), text);
	}

	TranscriptFixture system(long second, String text) {
		return line(second, ParticipantType.SYSTEM, null, text);
	}

	TranscriptFixture bot(long second, String text) {
		return line(second, ParticipantType.BOT, null, text);
	}

	TranscriptFixture transferredTo(long second, UUID agentId) {
		release(second);
		holding = new Hold(agentId, at(second));
		return this;
	}

	/** Back to the queue, then (optionally later) taken by an agent again with {@link #assignedTo}. */
	TranscriptFixture requeued(long second) {
		release(second);
		return this;
	}

	TranscriptFixture assignedTo(long second, UUID agentId) {
		holding = new Hold(agentId, at(second));
		return this;
	}

	TranscriptFixture rated(int stars) {
		rating = stars;
		return this;
	}

	TranscriptFixture closedAfter(long second) {
		closedAfter = second;
		return this;
	}

	Transcript transcript() {
		List<Transcript.Assignment> all = new ArrayList<>(assignments);
		if (holding != null) {
			all.add(new Transcript.Assignment(holding.agentId(), holding.from(), at(closedAfter), true));
		}
		UUID closingAgent = holding != null ? holding.agentId() : AGENT;
		return new Transcript(UUID.randomUUID(), closingAgent, all, lines, rating, at(closedAfter));
	}

	static Instant at(long second) {
		return ASSIGNED.plus(Duration.ofSeconds(second));
	}

	private void release(long second) {
		if (holding != null) {
			assignments.add(new Transcript.Assignment(holding.agentId(), holding.from(), at(second), false));
			holding = null;
		}
	}

	private TranscriptFixture line(long second, ParticipantType sender, @Nullable UUID senderId, String text) {
		lines.add(new Transcript.Line(UUID.randomUUID(), lines.size() + 1, sender, senderId, text, at(second)));
		return this;
	}
}
