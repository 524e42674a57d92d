package dev.kefu.quality;

import java.time.Duration;

import dev.kefu.shared.RequestRejected;

/**
 * An organization's inspection and sampling settings. Every closed chat an agent handled is inspected; these say which
 * of them an inspector reviews: a random share, all with findings, all rated low.
 *
 * @param samplePercent the random share of conversations reviewed, 0-100
 * @param silenceLimit how long a customer may wait for the agent's next message (long-agent-silence)
 */
record QualitySettings(int samplePercent, boolean includeFindings, boolean includeLowRatings, Duration silenceLimit,
		Phrases greetings, Phrases closings, Phrases forbidden) {

	static final QualitySettings DEFAULT = new QualitySettings(5, true, true, Duration.ofSeconds(120),
			Phrases.DEFAULT_GREETINGS, Phrases.DEFAULT_CLOSINGS, Phrases.NONE);

	QualitySettings {
		if (samplePercent < 0 || samplePercent > 100) {
			throw new RequestRejected("invalid-sample-percent", "samplePercent must be 0 to 100");
		}
		if (silenceLimit.toSeconds() < 10 || silenceLimit.compareTo(Duration.ofHours(24)) > 0) {
			throw new RequestRejected("invalid-silence-limit", "silenceLimitSeconds must be 10 to 86400");
		}
	}
}
