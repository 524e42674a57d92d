package dev.kefu.conversation.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a result matched: a short stretch of the message or note around the first hit, cut into parts with the hits
 * marked. The parts are plain text, never HTML, so a screen shows them as text and a hit cannot inject markup.
 */
record Snippet(String source, @Nullable Instant at, List<Part> parts) {

	/** How much text a snippet keeps before the first hit, and in all. */
	static final int BEFORE = 40;
	static final int LENGTH = 160;

	record Part(String text, boolean hit) {
	}

	/** A message or note that matched at least one word. */
	record Candidate(String source, String text, Instant at) {

		/** How many of the words it holds. */
		long matches(List<String> words) {
			return words.stream().filter(w -> contains(text, w)).count();
		}
	}

	/** The stretch of {@code text} around the first of {@code words} (lower case), hits marked. */
	static Snippet of(String source, @Nullable Instant at, String text, List<String> words) {
		int first = nextHit(text, 0, words)[0];
		int start = first < 0 ? 0 : Math.max(0, first - BEFORE);
		int end = Math.min(text.length(), start + LENGTH);
		// Never cut a surrogate pair (an emoji, a rare Chinese character) in half.
		if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
			start--;
		}
		if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
			end++;
		}
		List<Part> parts = new ArrayList<>();
		StringBuilder plain = new StringBuilder(start > 0 ? "…" : "");
		int i = start;
		while (i < end) {
			int[] hit = nextHit(text, i, words);
			if (hit[0] < 0 || hit[0] >= end) {
				break;
			}
			plain.append(text, i, hit[0]);
			if (!plain.isEmpty()) {
				parts.add(new Part(plain.toString(), false));
				plain.setLength(0);
			}
			int hitEnd = Math.min(end, hit[0] + hit[1]);
			parts.add(new Part(text.substring(hit[0], hitEnd), true));
			i = hitEnd;
		}
		plain.append(text, i, end).append(end < text.length() ? "…" : "");
		if (!plain.isEmpty()) {
			parts.add(new Part(plain.toString(), false));
		}
		return new Snippet(source, at, List.copyOf(parts));
	}

	private static boolean contains(String text, String word) {
		for (int i = 0; i + word.length() <= text.length(); i++) {
			if (text.regionMatches(true, i, word, 0, word.length())) {
				return true;
			}
		}
		return false;
	}

	/** Start and length of the earliest hit at or after {@code from}, the longest word winning a tie; -1 if none. */
	private static int[] nextHit(String text, int from, List<String> words) {
		for (int i = from; i < text.length(); i++) {
			int longest = 0;
			for (String word : words) {
				if (word.length() > longest && text.regionMatches(true, i, word, 0, word.length())) {
					longest = word.length();
				}
			}
			if (longest > 0) {
				return new int[] { i, longest };
			}
		}
		return new int[] { -1, 0 };
	}
}
