package dev.kefu.quality;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One named check over a closed conversation's transcript. Rules are pure: the same transcript and settings always
 * give the same observations, which is what makes inspecting a conversation again harmless.
 */
sealed interface InspectionRule
		permits FirstResponseLate, LongAgentSilence, ForbiddenPhrase, MissingGreeting, MissingClosing, SensitiveNumber,
		LowSatisfaction {

	/** The rule's stable name, as stored with its findings ({@code forbidden-phrase}). */
	String name();

	List<Observation> inspect(Transcript transcript);

	/**
	 * What a rule saw: about one message ({@code line}) or, with none, the whole conversation. The detail never holds
	 * sensitive data; it is shown to agents and inspectors.
	 */
	record Observation(String rule, Transcript.@Nullable Line line, UUID agentId, String detail) {
	}
}
