package dev.kefu.crm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An organization's CRM lookup, as admins see it. {@code secret} is shown only when it is made (the first save, a
 * rotation); otherwise null. {@code changedAt} moves on every change, so cards looked up before it are not reused.
 */
@Schema(description = "The organization's CRM lookup")
record CrmSettings(
		@Schema(example = "https://crm.example.com/kefu/lookup") @Nullable String lookupUrl,
		@Schema(example = "true") boolean enabled,
		@Schema(description = "How long a looked-up card is reused, in seconds", example = "300") int cacheSeconds,
		@Schema(description = "Standard Webhooks secret; only in the answer that made it",
				example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") @Nullable String secret,
		@Nullable Instant changedAt) {

	static final int DEFAULT_CACHE_SECONDS = 300;

	static CrmSettings none() {
		return new CrmSettings(null, false, DEFAULT_CACHE_SECONDS, null, null);
	}

	boolean configured() {
		return enabled && lookupUrl != null;
	}

	CrmSettings withSecret(String shown) {
		return new CrmSettings(lookupUrl, enabled, cacheSeconds, shown, changedAt);
	}

	/** What an admin changes; what is null stays as it was. An empty URL removes it. */
	@Schema(name = "CrmSettingsChange", description = "A change to the CRM lookup; null fields stay as they are")
	record Change(@Schema(example = "https://crm.example.com/kefu/lookup") @Nullable String lookupUrl,
			@Schema(example = "true") @Nullable Boolean enabled,
			@Schema(description = "10 to 86400 seconds", example = "300") @Nullable Integer cacheSeconds) {
	}
}
