package dev.kefu.channel;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what queued channels have to send, on every node: claims due rows, hands each to its provider, and records
 * the outcome. A permanent failure ({@link DeliveryFailed}) ends a row at once; any other is retried with backoff.
 * A disabled or deleted channel's rows fail with that reason rather than wait forever.
 */
@Component
class ChannelSender {

	private static final Logger log = LoggerFactory.getLogger(ChannelSender.class);

	private static final int ROUND = 20;

	private final SendQueue queue;
	private final Channels channels;
	private final ChannelProviders providers;
	private final Deliveries deliveries;

	ChannelSender(SendQueue queue, Channels channels, ChannelProviders providers, Deliveries deliveries) {
		this.queue = queue;
		this.channels = channels;
		this.providers = providers;
		this.deliveries = deliveries;
	}

	@Scheduled(fixedDelayString = "${kefu.channels.send-interval:500ms}")
	void dispatch() {
		for (UUID id : queue.due(ROUND)) {
			queue.claim(id).ifPresent(this::attempt);
		}
	}

	private void attempt(SendQueue.Item item) {
		Optional<ChannelInstance> channel = channels.find(item.organizationId(), item.channelId());
		Optional<ChannelProvider> provider = channel.flatMap(c -> providers.find(c.provider()))
			.filter(ChannelProvider::queued);
		try {
			if (channel.isEmpty() || provider.isEmpty()) {
				throw DeliveryFailed.permanent("the channel was deleted");
			}
			if (!channel.get().enabled()) {
				throw DeliveryFailed.permanent("the channel is disabled");
			}
			String externalId = provider.get().deliver(channel.get(), item.outbound());
			queue.sent(item, externalId);
		}
		catch (DeliveryFailed failed) {
			queue.failed(item, failed.getMessage(), true);
		}
		catch (Exception e) {
			String status = queue.failed(item, describe(e), false);
			log.info("Sending through channel {} failed (attempt {}, now {}): {}", item.channelId(), item.attempts(),
					status, describe(e));
		}
		deliveries.announce(queue.read(item.id()));
	}

	private static String describe(Exception e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}
}
