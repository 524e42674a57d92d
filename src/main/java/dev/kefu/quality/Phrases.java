package dev.kefu.quality;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.kefu.shared.RequestRejected;

/**
 * A list of phrases looked for in messages, case-insensitively. Chinese is written without spaces, so a Chinese phrase
 * matches anywhere; a phrase that starts or ends with a Latin letter or digit matches only at a word boundary there,
 * so that "hi" is not found in "this" (list "thanks" besides "thank you" for that reason).
 */
record Phrases(List<String> phrases) {

	static final int MAX_PHRASES = 100;
	static final int MAX_LENGTH = 50;

	static final Phrases DEFAULT_GREETINGS = new Phrases(List.of("您好", "你好", "早上好", "下午好", "晚上好", "欢迎", "hello",
			"hi", "hey", "good morning", "good afternoon", "good evening", "welcome"));

	static final Phrases DEFAULT_CLOSINGS = new Phrases(List.of("再见", "感谢", "谢谢", "还有其他", "还有什么", "祝您",
			"goodbye", "bye", "anything else", "thank you", "thanks", "have a nice day", "have a great day"));

	static final Phrases NONE = new Phrases(List.of());

	Phrases {
		phrases = List.copyOf(phrases);
	}

	/** The list as an admin gave it: blanks dropped, duplicates once, each phrase checked. */
	static Phrases given(List<String> phrases, String what) {
		if (phrases.size() > MAX_PHRASES) {
			throw new RequestRejected("invalid-phrases", what + ": at most " + MAX_PHRASES + " phrases");
		}
		Set<String> kept = new LinkedHashSet<>();
		for (String phrase : phrases) {
			if (phrase == null || phrase.isBlank()) {
				continue;
			}
			String stripped = phrase.strip();
			if (stripped.length() > MAX_LENGTH || stripped.contains("\n") || stripped.contains("\r")) {
				throw new RequestRejected("invalid-phrases",
						what + ": a phrase is one line of at most " + MAX_LENGTH + " characters: " + stripped);
			}
			kept.add(stripped);
		}
		return new Phrases(List.copyOf(kept));
	}

	boolean anyIn(String text) {
		return !foundIn(text).isEmpty();
	}

	/** The phrases the text contains, in list order. */
	List<String> foundIn(String text) {
		String haystack = text.toLowerCase(Locale.ROOT);
		return phrases.stream().filter(phrase -> contains(haystack, phrase.toLowerCase(Locale.ROOT))).toList();
	}

	private static boolean contains(String text, String phrase) {
		for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
			int end = at + phrase.length();
			boolean startsClean = !isWordChar(phrase.charAt(0)) || at == 0 || !isWordChar(text.charAt(at - 1));
			boolean endsClean = !isWordChar(phrase.charAt(phrase.length() - 1)) || end == text.length()
					|| !isWordChar(text.charAt(end));
			if (startsClean && endsClean) {
				return true;
			}
		}
		return false;
	}

	private static boolean isWordChar(char c) {
		return c < 128 && Character.isLetterOrDigit(c);
	}
}
