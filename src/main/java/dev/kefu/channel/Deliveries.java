package dev.kefu.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Whether the messages written to a customer of a queued channel (e-mail, WeChat) reached the channel: for the desk,
 * and for providers that learn of a failure later (a bounce) or thread replies by the ids they sent under.
 */
@Service
public class Deliveries {

	private final SendQueue queue;
	private final ApplicationEventPublisher events;

	Deliveries(SendQueue queue, ApplicationEventPublisher events) {
		this.queue = queue;
		this.events = events;
	}

	/** One message's delivery: PENDING (with when it is tried next), SENT or FAILED, and the last error. */
	@Schema(example = """
			{"messageId":"0192f1e4-6f0a-7c1e-9d3b-2a4c5e6f7a8b","channelId":"0192f1e4-6f0a-7c1e-9d3b-2a4c5e6f7a8c",
			 "status":"FAILED","attempts":1,"error":"the customer last wrote more than 48 hours ago",
			 "nextAttemptAt":null,"updatedAt":"2026-12-03T10:00:00Z"}""")
	public record Delivery(UUID messageId, UUID channelId, String status, int attempts, @Nullable String error,
			@Nullable Instant nextAttemptAt, Instant updatedAt) {
	}

	/** The deliveries of a conversation's messages, in the order the messages were written. */
	public List<Delivery> ofConversation(UUID organizationId, UUID conversationId) {
		return queue.ofConversation(organizationId, conversationId).stream().map(Deliveries::view).toList();
	}

	/**
	 * The channel learned later that a message it sent did not arrive (a bounce): it is marked failed and the desk hears
	 * of it. False when nothing was sent under that id.
	 */
	public boolean failedLater(UUID channelId, String externalId, String reason) {
		Optional<SendQueue.Item> item = queue.failedLater(channelId, externalId, reason);
		item.ifPresent(this::announce);
		return item.isPresent();
	}

	/** The channel's id for what a message was sent as (for threading), once sent. */
	public Optional<String> externalId(UUID channelId, UUID messageId) {
		return queue.externalId(channelId, messageId);
	}

	/** The message sent under the channel's id, if Kefu sent one. */
	public Optional<UUID> messageOf(UUID channelId, String externalId) {
		return queue.messageOf(channelId, externalId);
	}

	/** The conversation of what was sent under the channel's id (a message or a state change), if Kefu sent it. */
	public Optional<UUID> conversationOf(UUID channelId, String externalId) {
		return queue.conversationOf(channelId, externalId);
	}

	void announce(SendQueue.Item item) {
		if (item.messageId() != null) {
			events.publishEvent(new MessageDeliveryChanged(item.organizationId(), item.conversationId(),
					item.messageId(), item.channelId(), item.status(), item.attempts(), item.lastError(),
					item.updatedAt()));
		}
	}

	private static Delivery view(SendQueue.Item item) {
		return new Delivery(item.messageId(), item.channelId(), item.status(), item.attempts(), item.lastError(),
				item.nextAttemptAt(), item.updatedAt());
	}
}
