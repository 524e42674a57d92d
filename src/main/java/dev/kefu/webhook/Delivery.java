package dev.kefu.webhook;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event for one endpoint, as the delivery log shows it. {@code id} is the {@code webhook-id} header, the same on
 * every attempt. {@code status}: PENDING (not yet acknowledged; {@code nextAttemptAt} says when), DELIVERED (a 2xx
 * came back) or FAILED (retries gave up). Response code, latency and error are the last attempt's.
 */
public record Delivery(UUID id, String type, String status, int attempts, @Nullable Integer responseStatus,
		@Nullable Integer latencyMs, @Nullable String lastError, @Nullable Instant nextAttemptAt, Instant createdAt,
		@Nullable Instant deliveredAt) {
}
