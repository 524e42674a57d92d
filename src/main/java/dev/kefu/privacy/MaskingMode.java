package dev.kefu.privacy;

/**
 * How an organization masks. {@link #AT_REST} (the default): the clear number is never stored anywhere.
 * {@link #ON_DISPLAY}: the stored text is masked just the same, so every derived output is masked, and the clear text
 * is kept sealed for permitted staff to reveal.
 */
public enum MaskingMode {
	AT_REST, ON_DISPLAY
}
