package dev.kefu.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kefu.privacy.SensitiveNumbers;

/**
 * An agent wrote a payment card number or a PRC resident ID number in clear text, as the privacy module finds them
 * (one definition of both, {@link SensitiveNumbers}). Masked numbers ("6222 **** **** 1234") are fine: the mask breaks
 * them into pieces too short to be either. The finding names the kind and the last four characters only, never the
 * number. The privacy module masks such numbers before they are stored; a line it
 * masked ({@link Transcript.Line#masked()}) is a finding all the same, for the agent still wrote one in clear text.
 */
record SensitiveNumber() implements InspectionRule {

	static final String NAME = "sensitive-number";

	/** The end of a number the privacy module masked: a star, then the last four characters it keeps. */
	private static final Pattern MASKED_END = Pattern.compile("\\*[ -]?([0-9]{3}[0-9Xx]|[0-9]{4})(?![0-9A-Za-z])");

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Observation> inspect(Transcript transcript) {
		List<Observation> found = new ArrayList<>();
		for (Transcript.Line line : transcript.agentLines()) {
			Optional<String> detail = SensitiveNumbers.find(line.text()).stream().findFirst().map(number -> {
				String text = line.text().substring(number.start(), number.end());
				return number.kind() == SensitiveNumbers.Kind.RESIDENT_ID
						? "a resident ID number ending in " + lastFour(text) + " in clear text"
						: "a payment card number ending in " + lastFour(text) + " in clear text";
			}).or(() -> line.masked() ? Optional.of(maskedDetail(line.text())) : Optional.empty());
			detail.ifPresent(d -> found.add(new Observation(NAME, line, transcript.agentOf(line), d)));
		}
		return found;
	}

	private static String maskedDetail(String text) {
		Matcher end = MASKED_END.matcher(text);
		return end.find() ? "a card or ID number ending in " + end.group(1).toUpperCase() + ", masked before it was stored"
				: "a card, ID or other sensitive number, masked before it was stored";
	}

	private static String lastFour(String number) {
		return number.substring(number.length() - 4).toUpperCase();
	}
}
