package dev.kefu.quality;

import java.util.List;
import java.util.stream.Stream;

/** An agent wrote a phrase of the organization's forbidden list. One finding per message, naming the phrases. */
record ForbiddenPhrase(Phrases forbidden) implements InspectionRule {

	static final String NAME = "forbidden-phrase";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Observation> inspect(Transcript transcript) {
		return transcript.agentLines().stream().flatMap(line -> {
			List<String> found = forbidden.foundIn(line.text());
			return found.isEmpty() ? Stream.<Observation>empty()
					: Stream.of(new Observation(NAME, line, transcript.agentOf(line),
							"forbidden: " + String.join(", ", found)));
		}).toList();
	}
}
