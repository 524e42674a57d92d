package dev.kefu.channel;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.conversation.ParticipantType;

/**
 * What a channel's outbound sender gets about one of its conversations: a message written to the customer (by an
 * agent, the assistant or the system), or a change of the conversation's state. Never the customer's own messages.
 */
public sealed interface Outbound {

	UUID conversationId();

	UUID contactId();

	Instant at();

	/**
	 * A message for the customer; {@code attachments} counts files (their links are not sent). A system line also has
	 * its {@code textKey} and {@code textParams}, for a sender that writes to the customer in their language;
	 * {@code text} is its English wording.
	 */
	record Message(UUID conversationId, UUID contactId, UUID messageId, long seq, ParticipantType senderType,
			@Nullable String senderName, String text, int attachments, Instant at, @Nullable String textKey,
			@Nullable Map<String, String> textParams) implements Outbound {
	}

	/**
	 * The conversation changed: {@code change} is {@code assigned}, {@code transferred}, {@code requeued},
	 * {@code handed_over} or {@code closed}; {@code agentName} is who serves the customer now (if anyone);
	 * {@code reason} why (a close reason, a hand-over reason).
	 */
	record StateChanged(UUID conversationId, UUID contactId, String change, @Nullable String agentName,
			@Nullable String reason, Instant at) implements Outbound {
	}
}
