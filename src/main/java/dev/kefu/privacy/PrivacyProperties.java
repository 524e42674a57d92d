package dev.kefu.privacy;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param key the AES-256 key that seals clear texts in the mask-on-display mode, base64 of 32 bytes; without it no
 *     organization can switch to that mode. Every node needs the same key, and losing it loses the sealed texts.
 * @param patternBudget how long an organization's own patterns may take on one text before they are given up for it
 *     (the built-in masking still applies)
 */
@ConfigurationProperties("kefu.privacy")
record PrivacyProperties(@Nullable String key, @DefaultValue("100ms") Duration patternBudget) {
}
