package dev.kefu.quality;

import java.util.List;

/** The agent's last message takes leave with none of the organization's closing phrases. */
record MissingClosing(Phrases closings) implements InspectionRule {

	static final String NAME = "missing-closing";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Observation> inspect(Transcript transcript) {
		List<Transcript.Line> agent = transcript.agentLines();
		if (agent.isEmpty() || closings.anyIn(agent.getLast().text())) {
			return List.of();
		}
		Transcript.Line last = agent.getLast();
		return List.of(new Observation(NAME, last, transcript.agentOf(last), "the last reply has no closing"));
	}
}
