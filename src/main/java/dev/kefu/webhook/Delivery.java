package dev.kefu.webhook;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One event for one endpoint, as the delivery log shows it. {@code id} is the {@code webhook-id} header, the same on
 * every attempt. {@code status}: PENDING (not yet acknowledged; {@code nextAttemptAt} says when), DELIVERED (a 2xx
 * came back) or FAILED (retries gave up). Response code, latency and error are the last attempt's.
 */
@Schema(description = "One event for one endpoint, in its delivery log")
public record Delivery(@Schema(description = "The webhook-id header, the same on every attempt") UUID id,
		@Schema(example = "message.created") String type,
		@Schema(allowableValues = { "PENDING", "DELIVERED", "FAILED" }, example = "DELIVERED") String status,
		@Schema(example = "1") int attempts, @Schema(example = "204") @Nullable Integer responseStatus,
		@Schema(example = "38") @Nullable Integer latencyMs,
		@Schema(example = "HTTP 503") @Nullable String lastError, @Nullable Instant nextAttemptAt, Instant createdAt,
		@Nullable Instant deliveredAt) {
}
