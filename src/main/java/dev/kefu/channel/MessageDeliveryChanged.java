package dev.kefu.channel;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message to a customer of a queued channel (e-mail, WeChat) was sent, will be tried again, or failed for good
 * ({@code status} PENDING, SENT or FAILED), and why: the desk shows it on the message.
 */
public record MessageDeliveryChanged(UUID organizationId, UUID conversationId, UUID messageId, UUID channelId,
		String status, int attempts, @Nullable String error, Instant at) {
}
