package dev.kefu.privacy;

import org.jspecify.annotations.Nullable;

/**
 * A text after masking: {@link #text()} is what may be stored and shown. When the organization masks on display and
 * something was masked, the clear text travels with it to {@link Masking#keep}, and nowhere else: it is not part of
 * {@link #toString()}.
 */
public final class Masked {

	private final String text;
	private final boolean masked;
	private final @Nullable String clear;

	Masked(String text, boolean masked, @Nullable String clear) {
		this.text = text;
		this.masked = masked;
		this.clear = clear;
	}

	static Masked unchanged(String text) {
		return new Masked(text, false, null);
	}

	/** The text to store: with every sensitive number masked. */
	public String text() {
		return text;
	}

	/** Whether anything was masked, so the sender can be told. */
	public boolean masked() {
		return masked;
	}

	/** Whether {@link Masking#keep} has a clear text to seal: the caller should then store both in one transaction. */
	public boolean mustKeep() {
		return clear != null;
	}

	@Nullable String clear() {
		return clear;
	}

	@Override
	public String toString() {
		return "Masked[" + text + (masked ? ", masked" : "") + "]";
	}
}
