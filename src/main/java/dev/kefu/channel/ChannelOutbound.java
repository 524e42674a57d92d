package dev.kefu.channel;

import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationAssigned;
import dev.kefu.conversation.ConversationClosed;
import dev.kefu.conversation.ConversationHandedOver;
import dev.kefu.conversation.ConversationRequeued;
import dev.kefu.conversation.ConversationTransferred;
import dev.kefu.conversation.Conversations;
import dev.kefu.conversation.MessageCreated;
import dev.kefu.conversation.ParticipantType;

/**
 * Hands each channel's provider what its customers should get: messages from agents, the assistant and the system,
 * and changes of state (a queued provider gets them through the send queue). The customer's own messages are never
 * handed back. Fed by durable events (the event publication registry replays what a crash interrupted); the message
 * path publishes durable message events only in organizations that have a channel which sends out (see
 * {@link ChannelMessageSubscribers}).
 */
@Component
class ChannelOutbound {

	private final Channels channels;
	private final ChannelProviders providers;
	private final Conversations conversations;
	private final SendQueue queue;

	ChannelOutbound(Channels channels, ChannelProviders providers, Conversations conversations, SendQueue queue) {
		this.channels = channels;
		this.providers = providers;
		this.conversations = conversations;
		this.queue = queue;
	}

	@ApplicationModuleListener
	void on(MessageCreated e) {
		if (e.senderType() == ParticipantType.CONTACT) {
			return;
		}
		send(e.organizationId(), e.conversationId(), new Outbound.Message(e.conversationId(), e.contactId(),
				e.messageId(), e.seq(), e.senderType(), e.senderName(), e.text(), e.attachments(), e.at(), e.textKey(),
				e.textParams()));
	}

	@ApplicationModuleListener
	void on(ConversationAssigned e) {
		send(e.organizationId(), e.conversationId(),
				new Outbound.StateChanged(e.conversationId(), e.contactId(), "assigned", e.agentName(), null, e.at()));
	}

	@ApplicationModuleListener
	void on(ConversationTransferred e) {
		send(e.organizationId(), e.conversationId(), new Outbound.StateChanged(e.conversationId(), e.contactId(),
				"transferred", e.toAgentName(), null, e.at()));
	}

	@ApplicationModuleListener
	void on(ConversationRequeued e) {
		send(e.organizationId(), e.conversationId(),
				new Outbound.StateChanged(e.conversationId(), e.contactId(), "requeued", null, e.reason(), e.at()));
	}

	@ApplicationModuleListener
	void on(ConversationHandedOver e) {
		send(e.organizationId(), e.conversationId(),
				new Outbound.StateChanged(e.conversationId(), e.contactId(), "handed_over", null, e.reason(), e.at()));
	}

	@ApplicationModuleListener
	void on(ConversationClosed e) {
		send(e.organizationId(), e.conversationId(), new Outbound.StateChanged(e.conversationId(), e.contactId(),
				"closed", null, e.reason(), e.at()));
	}

	private void send(UUID organizationId, UUID conversationId, Outbound outbound) {
		if (!channels.sendsOut(organizationId)) {
			return;
		}
		conversations.find(organizationId, conversationId)
			.map(Conversation::channelId)
			.flatMap(channelId -> channels.find(organizationId, channelId))
			.ifPresent(channel -> providers.find(channel.provider())
				.filter(ChannelProvider::sendsOut)
				.ifPresent(provider -> {
					if (provider.queued()) {
						queue.enqueue(channel, outbound);
					}
					else {
						provider.send(channel, outbound);
					}
				}));
	}
}
