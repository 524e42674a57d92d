package dev.kefu.retention;

/** What happens to data older than an organization keeps. */
public enum RetentionMode {
	/** The rows and files are removed. */
	DELETE,
	/**
	 * The rows stay with their times and states, their text reads "[erased]" and files are removed: lists and timelines
	 * keep their shape, nothing personal is left.
	 */
	ANONYMIZE
}
