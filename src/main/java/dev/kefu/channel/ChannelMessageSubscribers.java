package dev.kefu.channel;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.kefu.conversation.MessageSubscribers;

/**
 * Asks the message path for durable message events in organizations with a channel that sends out, for
 * {@link ChannelOutbound}. A bean of its own: the message path needs it while it is being made, before the
 * conversation module's other beans exist.
 */
@Component
class ChannelMessageSubscribers implements MessageSubscribers {

	private final Channels channels;

	ChannelMessageSubscribers(Channels channels) {
		this.channels = channels;
	}

	@Override
	public boolean wanted(UUID organizationId) {
		return channels.sendsOut(organizationId);
	}
}
