package dev.kefu.shared;

/**
 * Rules for text that people type. Java strings may hold lone UTF-16 surrogates and NUL characters that no UTF-8
 * encoder (Tomcat's WebSocket, PostgreSQL) accepts; such text is refused where it enters, and anything already
 * stored is repaired on the way out, so one bad message can never break a frame or a page that carries it.
 */
public final class Text {

	private static final char REPLACEMENT = '\uFFFD';

	private Text() {
	}

	/** No NUL and no surrogate without its partner. */
	public static boolean wellFormed(CharSequence text) {
		return firstFlaw(text) < 0;
	}

	/** The text itself, or {@link InvalidText} naming the field. */
	public static String requireWellFormed(String text, String field) {
		if (!wellFormed(text)) {
			throw new InvalidText(field);
		}
		return text;
	}

	/** At most {@code max} characters, never splitting a surrogate pair (an emoji) in half. */
	public static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
		return text.substring(0, end);
	}

	/** The text with each lone surrogate replaced by U+FFFD and NULs dropped; the same instance when it is fine. */
	public static String repaired(String text) {
		int flaw = firstFlaw(text);
		if (flaw < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length()).append(text, 0, flaw);
		for (int i = flaw; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else if (Character.isSurrogate(c)) {
				out.append(REPLACEMENT);
			}
			else if (c != 0) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static int firstFlaw(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return i;
			}
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					return i;
				}
			}
		}
		return -1;
	}

	/** Text with a lone surrogate or a NUL character. */
	public static class InvalidText extends RequestRejected {

		public InvalidText(String field) {
			super("invalid-text", field + " is not valid text: it holds a NUL character or a broken UTF-16 surrogate");
		}
	}
}
