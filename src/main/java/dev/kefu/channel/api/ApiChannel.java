package dev.kefu.channel.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.ChannelProvider;
import dev.kefu.channel.ConfigProperty;
import dev.kefu.channel.CustomerMessages;
import dev.kefu.channel.Outbound;
import dev.kefu.webhook.ChannelCallbacks;

/**
 * The API channel: any channel Kefu lacks, bridged by the company itself. Its customers' messages come in signed with
 * the channel's secret ({@link ApiInboundController}); what agents, the assistant and the system write to them, and
 * changes of the conversation's state, go to its callback URL through the webhook outbox, signed with the same secret
 * and retried like webhooks. The customer's own messages are never sent back.
 */
@Component
class ApiChannel implements ChannelProvider {

	static final String ID = "api";
	static final String CALLBACK_URL = "callbackUrl";

	private final ChannelCallbacks callbacks;
	private final CustomerMessages customers;

	ApiChannel(ChannelCallbacks callbacks, CustomerMessages customers) {
		this.callbacks = callbacks;
		this.customers = customers;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String displayName() {
		return "API";
	}

	@Override
	public List<ConfigProperty> configuration() {
		return List.of(ConfigProperty.required(CALLBACK_URL, "Callback URL", ConfigProperty.Type.URL));
	}

	@Override
	public String inboundPath() {
		return "/api/v1/channels/{channelId}/messages";
	}

	@Override
	public boolean signed() {
		return true;
	}

	@Override
	public boolean sendsOut() {
		return true;
	}

	/** The callback URL passes the SSRF guard here, so a refused one is refused when the admin saves it. */
	@Override
	public void saved(ChannelInstance instance) {
		callbacks.register(instance.organizationId(), instance.callbackOwner(), instance.setting(CALLBACK_URL),
				instance.secret());
	}

	@Override
	public void removed(ChannelInstance instance) {
		callbacks.remove(instance.organizationId(), instance.callbackOwner());
	}

	@Override
	public void send(ChannelInstance instance, Outbound outbound) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("channelId", instance.id());
		data.put("conversationId", outbound.conversationId());
		data.put("externalCustomerId", customers.externalCustomerId(instance, outbound.contactId()).orElse(null));
		String type;
		String key;
		long seq;
		switch (outbound) {
			case Outbound.Message m -> {
				type = "message.created";
				key = type + ":" + m.messageId();
				seq = m.seq();
				Map<String, Object> message = new LinkedHashMap<>();
				message.put("id", m.messageId());
				message.put("seq", m.seq());
				message.put("senderType", m.senderType().name());
				message.put("senderName", m.senderName());
				message.put("text", m.text());
				if (m.textKey() != null) {
					// A system line: the bridge may word it in the customer's language (docs/integrations.md).
					message.put("textKey", m.textKey());
					message.put("textParams", m.textParams());
				}
				message.put("attachments", m.attachments());
				message.put("createdAt", m.at().toString());
				data.put("message", message);
			}
			case Outbound.StateChanged s -> {
				type = "conversation." + s.change();
				key = type + ":" + s.conversationId() + ":" + s.at();
				seq = 0;
				data.put("agentName", s.agentName());
				data.put("reason", s.reason());
			}
		}
		callbacks.enqueue(instance.organizationId(), instance.callbackOwner(), type, key, outbound.conversationId(),
				outbound.at(), seq, data);
	}
}
