package dev.kefu.contact;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How an organization's host site vouches for its signed-in customers: the shared {@code secret} (HMAC of the user id,
 * or HS256 JWTs), an optional {@code jwksUrl} for RS256/ES256 JWTs, and whether visitors nobody vouches for may still
 * chat. Shown to admins only.
 */
record IdentitySettings(String secret, @Nullable String jwksUrl, boolean allowAnonymous, Instant rotatedAt) {

	/** What an admin may change; the secret only changes by rotation. */
	record Change(@Nullable String jwksUrl, @Nullable Boolean allowAnonymous) {
	}
}
