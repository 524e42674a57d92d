package dev.kefu.quality;

import java.util.List;

/** The customer rated the conversation 2 or lower (of 5). */
record LowSatisfaction() implements InspectionRule {

	static final String NAME = "low-satisfaction";
	static final int LOW = 2;

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Observation> inspect(Transcript transcript) {
		Integer rating = transcript.rating();
		if (rating == null || rating > LOW) {
			return List.of();
		}
		return List.of(new Observation(NAME, null, transcript.agentId(), "rated " + rating + " of 5"));
	}
}
