package dev.kefu.privacy;

/**
 * A text that throws {@link PatternTimedOut} when read after a deadline. {@link java.util.regex} has no timeout, but
 * it reads its input through {@link #charAt} on every step, so a backtracking pattern stops here within a few thousand
 * steps of its deadline instead of hanging the message path.
 */
final class DeadlineText implements CharSequence {

	private final CharSequence text;
	private final long deadlineNanos;
	private int reads;

	DeadlineText(CharSequence text, long deadlineNanos) {
		this.text = text;
		this.deadlineNanos = deadlineNanos;
	}

	@Override
	public char charAt(int index) {
		if ((++reads & 0x3FF) == 0 && System.nanoTime() - deadlineNanos > 0) {
			throw new PatternTimedOut();
		}
		return text.charAt(index);
	}

	@Override
	public int length() {
		return text.length();
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return new DeadlineText(text.subSequence(start, end), deadlineNanos);
	}

	@Override
	public String toString() {
		return text.toString();
	}
}
