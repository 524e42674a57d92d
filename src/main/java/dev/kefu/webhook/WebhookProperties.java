package dev.kefu.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kefu.webhooks.*}. {@code allowPrivateTargets} lets endpoints on loopback and private networks through (tests,
 * an intranet); off by default so an admin cannot make the server probe its own network. A failed delivery is retried
 * after {@code retryBase}, doubling up to {@code retryCap}, until {@code retryFor} after the event; an endpoint is
 * disabled after failing for {@code retryFor}, or {@code maxConsecutiveFailures} attempts in a row once it has been
 * failing for {@code disableGrace}. {@code settle} is
 * how old a delivery must be before it is sent, so an earlier event of the same conversation, still being written by
 * another listener, is in the outbox and goes first.
 */
@ConfigurationProperties("kefu.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue("10s") Duration retryBase,
		@DefaultValue("1h") Duration retryCap, @DefaultValue("25h") Duration retryFor,
		@DefaultValue("100") int maxConsecutiveFailures, @DefaultValue("15m") Duration disableGrace,
		@DefaultValue("1s") Duration settle,
		@DefaultValue("60s") Duration lease) {
}
