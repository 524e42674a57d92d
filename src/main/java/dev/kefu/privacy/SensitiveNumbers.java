package dev.kefu.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks bank card numbers and PRC resident ID numbers in free text. No state, no Spring: the log converter
 * uses it as much as the message path does.
 * <ul>
 * <li>A card number is 13 to 19 digits that pass the Luhn check, written either as one run of digits or as groups of 3
 * to 6 digits joined by single spaces or dashes ({@code 6222 0212 3456 7894}, {@code 6222-0212-3456-7894}). The group
 * rule keeps an 11-digit phone number followed by a quantity from being read as a card. The first 4 and last 4 digits
 * stay, every other digit becomes {@code *}, separators stay: {@code 6222 **** **** 7894}.</li>
 * <li>A resident ID number (GB 11643) is 17 digits and a check character (a digit or X) that satisfies ISO 7064 MOD
 * 11-2, with a plausible birth date (digits 7 to 14, from 1900 to today). The first 3 and the last 4 characters stay
 * ({@code 110***********002X}): the province and the check, not the county or the birth date.</li>
 * </ul>
 * Numbers glued to letters or other digits ({@code SO4111111111111111}, a 20-digit order number) are left alone.
 */
public final class SensitiveNumbers {

	/** Digits in groups joined by one space or dash, not glued to letters or other digits. */
	private static final Pattern DIGIT_GROUPS = Pattern
		.compile("(?<![0-9A-Za-z])[0-9]+(?:[ -][0-9]+)*(?![0-9A-Za-z])");

	private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

	private static final Pattern CHEAP_FILTER = Pattern.compile("[0-9]{3}");

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String ID_CHECK = "10X98765432";

	private SensitiveNumbers() {
	}

	/** What was found: the span in the text and what it is. */
	public record Found(int start, int end, Kind kind) {
	}

	public enum Kind {
		CARD, RESIDENT_ID
	}

	/** The text with every card and resident ID number masked; the same text when there is none. */
	static String mask(String text) {
		List<Found> found = find(text);
		if (found.isEmpty()) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text);
		for (Found one : found) {
			String span = text.substring(one.start(), one.end());
			masked.replace(one.start(), one.end(), one.kind() == Kind.CARD ? maskCard(span) : maskResidentId(span));
		}
		return masked.toString();
	}

	/** Every card and resident ID number in the text, in order, not overlapping. */
	public static List<Found> find(String text) {
		if (!CHEAP_FILTER.matcher(text).find()) {
			return List.of();
		}
		List<Found> found = new ArrayList<>();
		Matcher id = RESIDENT_ID.matcher(text);
		while (id.find()) {
			if (residentIdValid(id.group())) {
				found.add(new Found(id.start(), id.end(), Kind.RESIDENT_ID));
			}
		}
		Matcher run = DIGIT_GROUPS.matcher(text);
		while (run.find()) {
			cards(text, run.start(), run.group(), found);
		}
		found.sort((a, b) -> Integer.compare(a.start(), b.start()));
		return found;
	}

	/** The cards in one run of digit groups: from each group on, the longest Luhn-valid span of 13 to 19 digits. */
	private static void cards(String text, int runStart, String run, List<Found> found) {
		List<int[]> groups = new ArrayList<>();
		Matcher group = Pattern.compile("[0-9]+").matcher(run);
		while (group.find()) {
			groups.add(new int[] { runStart + group.start(), runStart + group.end() });
		}
		int from = 0;
		while (from < groups.size()) {
			int bestTo = -1;
			StringBuilder digits = new StringBuilder();
			for (int to = from; to < groups.size(); to++) {
				int length = groups.get(to)[1] - groups.get(to)[0];
				boolean single = from == to;
				if (!single && (length < 3 || length > 6 || (to == from + 1 && (width(groups.get(from)) < 3 || width(groups.get(from)) > 6)))) {
					break;
				}
				digits.append(text, groups.get(to)[0], groups.get(to)[1]);
				if (digits.length() > 19) {
					break;
				}
				if (digits.length() >= 13 && luhnValid(digits)) {
					bestTo = to;
				}
			}
			if (bestTo >= 0 && !overlaps(found, groups.get(from)[0], groups.get(bestTo)[1])) {
				found.add(new Found(groups.get(from)[0], groups.get(bestTo)[1], Kind.CARD));
				from = bestTo + 1;
			}
			else {
				from++;
			}
		}
	}

	private static int width(int[] group) {
		return group[1] - group[0];
	}

	private static boolean overlaps(List<Found> found, int start, int end) {
		for (Found one : found) {
			if (start < one.end() && one.start() < end) {
				return true;
			}
		}
		return false;
	}

	static String maskCard(String span) {
		int digits = 0;
		for (int i = 0; i < span.length(); i++) {
			if (Character.isDigit(span.charAt(i))) {
				digits++;
			}
		}
		StringBuilder masked = new StringBuilder(span.length());
		int seen = 0;
		for (int i = 0; i < span.length(); i++) {
			char c = span.charAt(i);
			if (c >= '0' && c <= '9') {
				seen++;
				masked.append(seen <= 4 || seen > digits - 4 ? c : '*');
			}
			else {
				masked.append(c);
			}
		}
		return masked.toString();
	}

	static String maskResidentId(String id) {
		return id.substring(0, 3) + "*".repeat(11) + id.substring(14);
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
		if (id.charAt(0) < '1' || id.charAt(0) > '9') {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return Character.toUpperCase(id.charAt(17)) == ID_CHECK.charAt(sum % 11) && plausibleBirthDate(id);
	}

	private static boolean plausibleBirthDate(String id) {
		try {
			LocalDate born = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
			return born.getYear() >= 1900 && !born.isAfter(LocalDate.now());
		}
		catch (DateTimeException notADate) {
			return false;
		}
	}
}
