package dev.kefu.privacy;

/** An organization's own pattern took longer on a text than its budget: catastrophic backtracking, most likely. */
final class PatternTimedOut extends RuntimeException {

	PatternTimedOut() {
		super("the pattern took too long", null, false, false);
	}
}
