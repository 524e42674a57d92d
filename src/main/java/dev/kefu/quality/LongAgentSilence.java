package dev.kefu.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer wrote while an agent had the conversation and waited longer than the organization's silence limit for
 * the next agent message. Reported once per wait, on the customer message that started it (later messages of the
 * same unanswered run waited less). A wait ends with the agent's next message, or when the agent let the
 * conversation go (transfer, requeue). A last word that the agent answered by closing is not a wait: customers end
 * with "thanks, bye".
 */
record LongAgentSilence(Duration limit) implements InspectionRule {

	static final String NAME = "long-agent-silence";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Observation> inspect(Transcript transcript) {
		List<Observation> found = new ArrayList<>();
		Transcript.Line waiting = null;
		for (Transcript.Line line : transcript.lines()) {
			if (line.byAgent()) {
				waiting = null;
			}
			else if (line.byContact() && (waiting == null || !sameAssignment(transcript, waiting, line))) {
				waiting = line;
				waited(transcript, line).filter(wait -> wait.compareTo(limit) > 0)
					.ifPresent(wait -> found.add(new Observation(NAME, line, transcript.agentOf(line),
							"the customer waited " + wait.toSeconds() + " s for a reply; limit " + limit.toSeconds()
									+ " s")));
			}
		}
		return found;
	}

	/** How long the message waited for an agent, if it was written while assigned and the wait ended. */
	private static Optional<Duration> waited(Transcript transcript, Transcript.Line line) {
		return transcript.assignmentAt(line.at()).flatMap(assignment -> {
			Optional<Instant> reply = transcript.nextAgentLine(line)
				.map(Transcript.Line::at)
				.filter(at -> at.isBefore(assignment.until()));
			Optional<Instant> end = reply.isPresent() || assignment.endedByClose() ? reply
					: Optional.of(assignment.until());
			return end.map(at -> Duration.between(line.at(), at));
		});
	}

	private static boolean sameAssignment(Transcript transcript, Transcript.Line a, Transcript.Line b) {
		return transcript.assignmentAt(a.at()).equals(transcript.assignmentAt(b.at()));
	}
}
