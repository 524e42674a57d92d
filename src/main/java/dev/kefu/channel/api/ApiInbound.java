package dev.kefu.channel.api;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.CustomerMessages;
import dev.kefu.contact.ContactProfile;
import dev.kefu.shared.RequestRejected;

/**
 * A bridge's message for one of its customers, through the inbound path of every channel with customer ids of its
 * own: stored once per bridge message id, so a resend, even a concurrent one or one after the conversation has
 * closed, is answered with the stored message. When nobody can take a chat, nothing is stored and the bridge is told
 * to send it again later (503).
 */
@Service
class ApiInbound {

	private final CustomerMessages messages;

	ApiInbound(CustomerMessages messages) {
		this.messages = messages;
	}

	CustomerMessages.Received receive(ChannelInstance channel, ApiInboundController.InboundMessage message) {
		if (message.text() == null) {
			throw new RequestRejected("empty-message", "a message needs text");
		}
		return messages.receive(channel, new CustomerMessages.Incoming(message.externalCustomerId(),
				message.externalMessageId(), message.text(), List.of(), profile(message), message.groupId()));
	}

	/** Name, e-mail, phone and attributes the bridge sent along land on the contact (only what it sent). */
	private static @Nullable ContactProfile profile(ApiInboundController.InboundMessage message) {
		Map<String, String> attributes = message.attributes();
		boolean any = message.name() != null || message.email() != null || message.phone() != null
				|| (attributes != null && !attributes.isEmpty());
		return any ? new ContactProfile(message.name(), message.email(), message.phone(), attributes) : null;
	}
}
