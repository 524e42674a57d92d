package dev.kefu.ticket;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Text;

/**
 * One message in a ticket's thread: the customer's message, an agent's answer, a customer's follow-up. {@code seq}
 * orders the thread; {@code clientMsgId} makes a resend find the stored entry.
 */
record TicketEntry(UUID id, UUID ticketId, long seq, String clientMsgId, Author author, @Nullable UUID authorId,
		@Nullable String authorName, String body, Instant createdAt) {

	static final int MAX_BODY = 5000;

	enum Author {
		CONTACT, AGENT
	}

	static void validate(String clientMsgId, String body) {
		validateClientId(clientMsgId);
		if (body == null || body.isBlank()) {
			throw new RequestRejected("empty-message", "the message needs some text");
		}
		if (body.length() > MAX_BODY) {
			throw new RequestRejected("message-too-long", "a message may have at most " + MAX_BODY + " characters");
		}
		Text.requireWellFormed(body, "body");
	}

	static void validateClientId(@Nullable String clientMsgId) {
		if (clientMsgId == null || !clientMsgId.matches("[A-Za-z0-9_.:-]{1,64}")) {
			throw new RequestRejected("invalid-client-msg-id",
					"clientMsgId must be 1-64 characters of letters, digits and _ . : -");
		}
	}
}
