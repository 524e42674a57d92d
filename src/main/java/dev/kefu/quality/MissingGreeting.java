package dev.kefu.quality;

import java.util.List;

/** The agent's first message greets the customer with none of the organization's greeting phrases. */
record MissingGreeting(Phrases greetings) implements InspectionRule {

	static final String NAME = "missing-greeting";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Observation> inspect(Transcript transcript) {
		List<Transcript.Line> agent = transcript.agentLines();
		if (agent.isEmpty() || greetings.anyIn(agent.getFirst().text())) {
			return List.of();
		}
		Transcript.Line first = agent.getFirst();
		return List.of(new Observation(NAME, first, transcript.agentOf(first), "the first reply has no greeting"));
	}
}
