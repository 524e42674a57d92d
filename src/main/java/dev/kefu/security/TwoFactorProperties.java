package dev.kefu.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Two-factor sign-in.
 *
 * @param encryptionKey Base64 of 32 bytes that encrypt the TOTP secrets (AES-GCM); when empty, a key is generated and
 * kept in the database, which still keeps secrets out of backups of the TOTP table alone. Set it (the same on every
 * node) to keep the key out of the database altogether
 * @param issuer the name authenticator apps show above the code
 * @param challengeLifetime how long the second step may take after a right password
 */
@ConfigurationProperties("kefu.security.two-factor")
record TwoFactorProperties(@Nullable String encryptionKey, @DefaultValue("Kefu") String issuer,
		@DefaultValue("5m") Duration challengeLifetime) {
}
