package dev.kefu.contact;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How an organization's host site vouches for its signed-in customers: the shared {@code secret} (HMAC of the user id,
 * or HS256 JWTs), an optional {@code jwksUrl} for RS256/ES256 JWTs, and whether visitors nobody vouches for may still
 * chat. Shown to admins only.
 */
@Schema(description = "How the host site vouches for its signed-in customers")
record IdentitySettings(
		@Schema(description = "HMAC / HS256 key; the host site uses this hex text as the key", example = "5f1c2e9a0b7d4c3e8f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60") String secret,
		@Schema(description = "For RS256/ES256 identity JWTs", example = "https://shop.example.com/.well-known/jwks.json") @Nullable String jwksUrl,
		@Schema(description = "Whether visitors nobody vouches for may still chat", example = "true") boolean allowAnonymous,
		Instant rotatedAt) {

	/** What an admin may change; the secret only changes by rotation. */
	@Schema(name = "IdentitySettingsChange", description = "What to change; null fields stay as they are, an empty jwksUrl removes it")
	record Change(@Schema(example = "https://shop.example.com/.well-known/jwks.json") @Nullable String jwksUrl,
			@Schema(example = "false") @Nullable Boolean allowAnonymous) {
	}
}
