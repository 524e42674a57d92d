package dev.kefu.channel.wecom;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.channel.callback.CallbackXml;
import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.Channels;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;

/**
 * WeCom's callback for a customer-service channel. Public to Spring Security: WeCom proves itself with the
 * channel's Token (msg_signature) and EncodingAESKey; anything else is 403 and nothing is stored. A callback carries
 * no message, only the news that there are some: they are read with kf/sync_msg after the answer.
 */
@RestController
class WecomCallbackController {

	static final String PATH = "/api/v1/channels/{channelId}/wecom";
	static final String NEW_MESSAGES = "kf_msg_or_event";

	private final Channels channels;
	private final MessageSync sync;

	WecomCallbackController(Channels channels, MessageSync sync) {
		this.channels = channels;
		this.sync = sync;
	}

	@Operation(summary = "WeCom checks the callback URL (signed, AES-encrypted echostr; answered in plain text)")
	@GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
	String verify(@PathVariable UUID channelId, @RequestParam(name = "msg_signature", required = false) @Nullable String signature,
			@RequestParam(required = false) @Nullable String timestamp, @RequestParam(required = false) @Nullable String nonce,
			@RequestParam(required = false) @Nullable String echostr) {
		WecomSettings settings = WecomSettings.of(channel(channelId));
		return settings.crypto().open(required(signature, "msg_signature"), required(timestamp, "timestamp"),
				required(nonce, "nonce"), required(echostr, "echostr"));
	}

	@Operation(summary = "WeCom says a customer-service account has new messages or events (encrypted XML)")
	@PostMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
	String receive(@PathVariable UUID channelId, @RequestParam(name = "msg_signature", required = false) @Nullable String signature,
			@RequestParam(required = false) @Nullable String timestamp, @RequestParam(required = false) @Nullable String nonce,
			@RequestBody(required = false) byte @Nullable [] body) {
		ChannelInstance channel = channel(channelId);
		WecomSettings settings = WecomSettings.of(channel);
		Map<String, String> outer = CallbackXml.read(CallbackXml.text(body));
		String plain = settings.crypto().open(required(signature, "msg_signature"), required(timestamp, "timestamp"),
				required(nonce, "nonce"), required(outer.get("Encrypt"), "Encrypt"));
		Map<String, String> event = CallbackXml.read(plain);
		if (NEW_MESSAGES.equals(event.get("Event")) && channel.enabled()) {
			sync.callback(channel, event.getOrDefault("Token", ""));
		}
		return "success";
	}

	private ChannelInstance channel(UUID channelId) {
		return channels.inbound(WecomKfChannel.ID, channelId)
			.orElseThrow(() -> new ResourceNotFound("channel", channelId));
	}

	private static String required(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new RequestRejected("malformed-request", name + " is missing");
		}
		return value;
	}
}
