package dev.kefu.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The agent's first message came later after the assignment than the group's first-response target. An agent who
 * never wrote is late by the time the conversation closed.
 */
record FirstResponseLate(Duration target) implements InspectionRule {

	static final String NAME = "first-response-late";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Observation> inspect(Transcript transcript) {
		Instant assigned = transcript.firstAssignedAt();
		if (assigned == null) {
			return List.of();
		}
		Optional<Transcript.Line> first = transcript.lines()
			.stream()
			.filter(line -> line.byAgent() && !line.at().isBefore(assigned))
			.findFirst();
		Instant answered = first.map(Transcript.Line::at).orElse(transcript.closedAt());
		Duration waited = Duration.between(assigned, answered);
		if (waited.compareTo(target) <= 0) {
			return List.of();
		}
		String detail = first.isPresent()
				? "first reply " + waited.toSeconds() + " s after the assignment; target " + target.toSeconds() + " s"
				: "no reply in " + waited.toSeconds() + " s until the close; target " + target.toSeconds() + " s";
		return List.of(new Observation(NAME, first.orElse(null),
				first.map(transcript::agentOf).orElse(transcript.assignments().getFirst().agentId()), detail));
	}
}
