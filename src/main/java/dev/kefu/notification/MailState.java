package dev.kefu.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a mail is: {@code PENDING} (queued, or waiting to be tried again at {@code nextAttemptAt} after
 * {@code lastError}), {@code SENT} (the SMTP server took it) or {@code FAILED} (given up, with the last error).
 */
public record MailState(UUID id, String kind, String key, String to, String status, int attempts,
		@Nullable String lastError, @Nullable Instant nextAttemptAt, Instant createdAt, @Nullable Instant sentAt) {

	public static final String PENDING = "PENDING";
	public static final String SENT = "SENT";
	public static final String FAILED = "FAILED";
}
