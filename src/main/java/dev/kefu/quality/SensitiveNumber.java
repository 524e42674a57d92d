package dev.kefu.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent wrote a payment card number (13-19 digits, Luhn-valid, in groups separated by single spaces or dashes) or a
 * PRC resident ID number (GB 11643: 17 digits and a check character) in clear text. Masked numbers ("6222 **** ****
 * 1234") are fine: the mask breaks them into pieces too short to be either. The finding names the kind and the last
 * four characters only, never the number. The privacy module masks such numbers before they are stored; a line it
 * masked ({@link Transcript.Line#masked()}) is a finding all the same, for the agent still wrote one in clear text.
 */
record SensitiveNumber() implements InspectionRule {

	static final String NAME = "sensitive-number";

	/** Digits in groups joined by one space or dash, not glued to other digits. */
	private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<![0-9])[0-9]+(?:[ -][0-9]+)*(?![0-9])");

	private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

	/** The end of a number the privacy module masked: a star, then the last four characters it keeps. */
	private static final Pattern MASKED_END = Pattern.compile("\\*[ -]?([0-9]{3}[0-9Xx]|[0-9]{4})(?![0-9A-Za-z])");

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String ID_CHECK = "10X98765432";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Observation> inspect(Transcript transcript) {
		List<Observation> found = new ArrayList<>();
		for (Transcript.Line line : transcript.agentLines()) {
			Optional<String> residentId = residentId(line.text());
			Optional<String> card = residentId.isPresent() ? Optional.empty() : cardNumber(line.text());
			residentId.map(id -> "a resident ID number ending in " + lastFour(id) + " in clear text")
				.or(() -> card.map(number -> "a payment card number ending in " + lastFour(number) + " in clear text"))
				.or(() -> line.masked() ? Optional.of(maskedDetail(line.text())) : Optional.empty())
				.ifPresent(detail -> found.add(new Observation(NAME, line, transcript.agentOf(line), detail)));
		}
		return found;
	}

	private static String maskedDetail(String text) {
		Matcher end = MASKED_END.matcher(text);
		return end.find() ? "a card or ID number ending in " + end.group(1).toUpperCase() + ", masked before it was stored"
				: "a card, ID or other sensitive number, masked before it was stored";
	}

	/** The first Luhn-valid card number in the text, digits only. */
	static Optional<String> cardNumber(String text) {
		Matcher run = DIGIT_GROUPS.matcher(text);
		while (run.find()) {
			String[] groups = run.group().split("[ -]");
			// Any consecutive groups may be the card: a run can start with a quantity or end with a date.
			for (int from = 0; from < groups.length; from++) {
				StringBuilder digits = new StringBuilder();
				for (int to = from; to < groups.length && digits.length() <= 19; to++) {
					digits.append(groups[to]);
					if (digits.length() >= 13 && digits.length() <= 19 && luhnValid(digits)) {
						return Optional.of(digits.toString());
					}
				}
			}
		}
		return Optional.empty();
	}

	/** The first resident ID number with a valid check character in the text. */
	static Optional<String> residentId(String text) {
		Matcher candidate = RESIDENT_ID.matcher(text);
		while (candidate.find()) {
			if (residentIdValid(candidate.group())) {
				return Optional.of(candidate.group());
			}
		}
		return Optional.empty();
	}

	static boolean luhnValid(CharSequence digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	static boolean residentIdValid(String id) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return Character.toUpperCase(id.charAt(17)) == ID_CHECK.charAt(sum % 11);
	}

	private static String lastFour(String number) {
		return number.substring(number.length() - 4).toUpperCase();
	}
}
