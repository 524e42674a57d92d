package dev.kefu.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A registered webhook endpoint. {@code secret} is shown only when it is made (creation, rotation); otherwise null.
 * {@code disabledReason} says why Kefu switched it off.
 */
record Endpoint(UUID id, String url, List<String> events, boolean enabled, @Nullable String disabledReason,
		int consecutiveFailures, @Nullable Instant failingSince, Instant createdAt, Instant updatedAt,
		@Nullable String secret) {

	Endpoint withSecret(String shown) {
		return new Endpoint(id, url, events, enabled, disabledReason, consecutiveFailures, failingSince, createdAt,
				updatedAt, shown);
	}

	/** What an admin sends to create or change an endpoint; on a change, what is null stays as it was. */
	record Request(@Nullable String url, @Nullable List<String> events, @Nullable String secret,
			@Nullable Boolean enabled) {
	}
}
