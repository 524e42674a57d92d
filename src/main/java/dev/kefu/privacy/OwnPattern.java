package dev.kefu.privacy;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A pattern an admin added, e.g. a policy number {@code PL\d{8}}. A match becomes {@code replacement} when given
 * (taken literally) when that is not longer than the match, else as many {@code *} as it had characters: masking
 * never makes a text longer, so it still fits where the clear text did.
 */
record OwnPattern(UUID id, String name, String regex, @Nullable String replacement, Instant createdAt,
		Pattern compiled) {

	OwnPattern(UUID id, String name, String regex, @Nullable String replacement, Instant createdAt) {
		this(id, name, regex, replacement, createdAt, Pattern.compile(regex));
	}
}
