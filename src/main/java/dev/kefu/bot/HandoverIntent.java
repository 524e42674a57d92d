package dev.kefu.bot;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads from a customer's message that the assistant should step aside: they ask for a person, or they are clearly
 * upset. Word lists, not a model: these must never be missed, and the lists are easy to read and extend.
 */
final class HandoverIntent {

	static final String ASKED_FOR_PERSON = "asked-for-person";
	static final String UPSET = "upset";

	private static final List<String> PERSON_ZH = List.of("转人工", "人工客服", "人工服务", "真人", "找人工", "要人工",
			"接人工", "客服人员", "人工");
	private static final Pattern PERSON_EN = Pattern.compile(
			"\\b(human|agent|real person|a person|representative|operator|someone real|talk to (a |an )?(someone|person|"
					+ "human|agent)|speak to (a |an )?(someone|person|human|agent))\\b");
	private static final List<String> UPSET_ZH = List.of("投诉", "垃圾", "太差", "气死", "骗子", "骗人", "坑人", "滚",
			"什么破", "无语", "差评", "忍无可忍", "太过分", "举报");
	private static final Pattern UPSET_EN = Pattern.compile(
			"\\b(angry|furious|ridiculous|unacceptable|terrible|awful|useless|scam|complain(t)?|disgusting|worst|"
					+ "fed up|wtf|hate)\\b");

	private HandoverIntent() {
	}

	/** Why the assistant should hand over, if the message says so. */
	static Optional<String> of(String message) {
		String text = message.toLowerCase(Locale.ROOT);
		if (PERSON_ZH.stream().anyMatch(text::contains) || PERSON_EN.matcher(text).find()) {
			return Optional.of(ASKED_FOR_PERSON);
		}
		if (UPSET_ZH.stream().anyMatch(text::contains) || UPSET_EN.matcher(text).find() || shouting(message)) {
			return Optional.of(UPSET);
		}
		return Optional.empty();
	}

	/** Three exclamation marks in a row, or a sentence in capitals. */
	private static boolean shouting(String message) {
		if (message.contains("!!!") || message.contains("！！！")) {
			return true;
		}
		String letters = message.replaceAll("[^A-Za-z]", "");
		return letters.length() >= 12 && letters.equals(letters.toUpperCase(Locale.ROOT));
	}
}
