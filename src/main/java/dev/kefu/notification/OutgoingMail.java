package dev.kefu.notification;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A mail to queue. {@code key} names what it is about, once per organization ({@code ticket-answer:<entry id>}): a
 * second mail with the same key is the first one. {@code aboutId} is the ticket or conversation whose screen shows
 * its state; {@code contactId} the customer it was sent for, if any.
 */
public record OutgoingMail(String kind, String key, @Nullable UUID aboutId, @Nullable UUID contactId, String to,
		String language, Letter letter) {
}
