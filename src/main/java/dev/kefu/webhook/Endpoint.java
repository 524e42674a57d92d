package dev.kefu.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A registered webhook endpoint. {@code secret} is shown only when it is made (creation, rotation); otherwise null.
 * {@code disabledReason} says why Kefu switched it off.
 */
@Schema(description = "A webhook endpoint of the organization")
record Endpoint(UUID id, @Schema(example = "https://crm.example.com/kefu/webhooks") String url,
		@Schema(example = "[\"conversation.opened\", \"message.created\", \"ticket.answered\"]") List<String> events,
		@Schema(example = "true") boolean enabled,
		@Schema(description = "Why Kefu switched it off", example = "every delivery failed since 2026-12-01T08:00:00Z (100 attempts in a row); last: HTTP 503") @Nullable String disabledReason,
		@Schema(example = "0") int consecutiveFailures, @Nullable Instant failingSince, Instant createdAt,
		Instant updatedAt,
		@Schema(description = "Shown only on creation and rotation", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") @Nullable String secret) {

	Endpoint withSecret(String shown) {
		return new Endpoint(id, url, events, enabled, disabledReason, consecutiveFailures, failingSince, createdAt,
				updatedAt, shown);
	}

	/** What an admin sends to create or change an endpoint; on a change, what is null stays as it was. */
	@Schema(name = "WebhookEndpointRequest", description = "An endpoint to create, or what to change (null fields stay as they are)")
	record Request(@Schema(example = "https://crm.example.com/kefu/webhooks") @Nullable String url,
			@Schema(example = "[\"conversation.opened\", \"conversation.closed\", \"message.created\"]") @Nullable List<String> events,
			@Schema(description = "Optional; generated when not given", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") @Nullable String secret,
			@Schema(example = "true") @Nullable Boolean enabled) {
	}
}
