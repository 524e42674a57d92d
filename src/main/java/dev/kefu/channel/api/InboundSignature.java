package dev.kefu.channel.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.StandardWebhookSignature;

/**
 * Checks a bridge's request the way a Standard Webhooks receiver checks a webhook: {@code webhook-signature} holds
 * one or more space-separated {@code v1,<base64>} signatures of {@code id.timestamp.body}, one of which must be made
 * with the channel's secret, and {@code webhook-timestamp} must be within {@link #TOLERANCE} of now, so a captured
 * request cannot be replayed later.
 */
final class InboundSignature {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private InboundSignature() {
	}

	static void verify(String secret, @Nullable String id, @Nullable String timestamp, @Nullable String signature,
			String body, Instant now) {
		if (id == null || id.isBlank() || timestamp == null || signature == null || signature.isBlank()) {
			throw new SignatureRejected(SignatureRejected.MISSING,
					"sign the request: webhook-id, webhook-timestamp and webhook-signature headers are required");
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException e) {
			throw new SignatureRejected(SignatureRejected.INVALID, "webhook-timestamp must be Unix seconds");
		}
		if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
			throw new SignatureRejected(SignatureRejected.STALE,
					"webhook-timestamp is more than 5 minutes away from the server's clock");
		}
		byte[] expected = StandardWebhookSignature.sign(secret, id, seconds, body).getBytes(StandardCharsets.UTF_8);
		for (String given : signature.strip().split(" +")) {
			if (MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
				return;
			}
		}
		throw new SignatureRejected(SignatureRejected.INVALID,
				"webhook-signature does not match: sign id.timestamp.body with the channel's secret (HMAC-SHA256)");
	}
}
