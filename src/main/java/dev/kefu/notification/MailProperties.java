package dev.kefu.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kefu.mail.*}; the SMTP server itself is Spring's {@code spring.mail.*}. {@code from} is the sender of every
 * mail. A failed attempt is retried after {@code retryBase}, doubling up to {@code retryCap}, until {@code retryFor}
 * after the mail was queued; then it is marked failed with the last error. {@code lease} is how long a node's
 * attempt may take before another node may try the mail again. {@code transcriptsPerHour} caps the transcripts one
 * visitor may have mailed (the addresses are theirs to type). {@code deskUrl}, when set, is linked from agents' alerts.
 */
@ConfigurationProperties("kefu.mail")
record MailProperties(@DefaultValue("Kefu <kefu@localhost>") String from, @DefaultValue("30s") Duration retryBase,
		@DefaultValue("2h") Duration retryCap, @DefaultValue("24h") Duration retryFor,
		@DefaultValue("2m") Duration lease, @DefaultValue("3") int transcriptsPerHour,
		@DefaultValue("") String deskUrl) {
}
