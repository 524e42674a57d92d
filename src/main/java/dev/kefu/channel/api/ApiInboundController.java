package dev.kefu.channel.api;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.Channels;
import dev.kefu.channel.CustomerMessages;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API channel's inbound path. Public to Spring Security: the caller is no staff member or visitor but the
 * company's bridge, and proves itself with the channel's secret (Standard Webhooks headers over the exact body).
 * 201 for a new message, 200 with {@code duplicate: true} for a resend of a message id stored before.
 */
@RestController
class ApiInboundController {

	private final Channels channels;
	private final ApiInbound inbound;
	private final JsonMapper json;
	private final Clock clock;

	ApiInboundController(Channels channels, ApiInbound inbound, JsonMapper json, Clock clock) {
		this.channels = channels;
		this.inbound = inbound;
		this.json = json;
		this.clock = clock;
	}

	@Schema(example = """
			{"externalCustomerId":"app-user-1001","externalMessageId":"msg-20261203-0001","text":"我的订单还没到",
			 "name":"王芳","email":"wang.fang@example.com","phone":"+86 138 0013 8000",
			 "attributes":{"memberLevel":"gold"}}""")
	record InboundMessage(
			@Schema(description = "the bridge's own id for the customer (1-200 characters)") @Nullable String externalCustomerId,
			@Schema(description = "the bridge's own id for the message; a resend with the same id is stored once") @Nullable String externalMessageId,
			@Nullable String text, @Nullable String name, @Nullable String email, @Nullable String phone,
			@Nullable Map<String, String> attributes,
			@Schema(description = "the group a new conversation goes to; the default group when absent") @Nullable UUID groupId) {
	}

	@Schema(example = """
			{"conversationId":"0192f1e4-6f0a-7c1e-9d3b-2a4c5e6f7a8b","messageId":"0192f1e4-7001-7c1e-9d3b-2a4c5e6f7a8b",
			 "seq":1,"contactId":"0192f1e4-6e00-7c1e-9d3b-2a4c5e6f7a8b","duplicate":false}""")
	record Accepted(UUID conversationId, UUID messageId, long seq, UUID contactId, boolean duplicate) {
	}

	@Operation(summary = "A customer's message from the company's bridge (signed with the channel's secret)",
			description = "No bearer token: the Standard Webhooks headers (webhook-id, webhook-timestamp within 5 "
					+ "minutes, webhook-signature over the exact body) made with the channel's secret authenticate the "
					+ "bridge; 401 missing-signature, invalid-signature or stale-timestamp otherwise.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = InboundMessage.class))))
	@PostMapping("/api/v1/channels/{channelId}/messages")
	ResponseEntity<Accepted> receive(@PathVariable UUID channelId,
			@RequestHeader(name = "webhook-id", required = false) @Nullable String id,
			@RequestHeader(name = "webhook-timestamp", required = false) @Nullable String timestamp,
			@RequestHeader(name = "webhook-signature", required = false) @Nullable String signature,
			@RequestBody String body) {
		ChannelInstance channel = channels.inbound(ApiChannel.ID, channelId)
			.orElseThrow(() -> new ResourceNotFound("channel", channelId));
		InboundSignature.verify(channel.secret() == null ? "" : channel.secret(), id, timestamp, signature, body,
				clock.instant());
		InboundMessage message;
		try {
			message = json.readValue(body, InboundMessage.class);
		}
		catch (JacksonException e) {
			throw new RequestRejected("malformed-request", "the body must be a JSON message: " + e.getOriginalMessage());
		}
		wellFormed(message);
		CustomerMessages.Received received = inbound.receive(channel, message);
		return ResponseEntity.status(received.duplicate() ? 200 : 201)
			.body(new Accepted(received.conversationId(), received.messageId(), received.seq(), received.contactId(),
					received.duplicate()));
	}

	/**
	 * The body is read as text (the signature is over its exact bytes), so the check every parsed body gets (no NUL, no
	 * lone surrogate: see {@code shared.WellFormedBodies}) is made here, on what was parsed from it.
	 */
	private static void wellFormed(InboundMessage message) {
		for (String field : new String[] { message.externalCustomerId(), message.externalMessageId(), message.text(),
				message.name(), message.email(), message.phone() }) {
			if (field != null) {
				Text.requireWellFormed(field, "body");
			}
		}
		if (message.attributes() != null) {
			message.attributes().forEach((key, value) -> {
				Text.requireWellFormed(key, "attributes");
				if (value != null) {
					Text.requireWellFormed(value, "attributes");
				}
			});
		}
	}
}
