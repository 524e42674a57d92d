package dev.kefu.channel.wechat;

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

import dev.kefu.channel.callback.CallbackCrypto;
import dev.kefu.channel.callback.CallbackXml;
import dev.kefu.channel.callback.CallbackRejected;
import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.Channels;
import dev.kefu.shared.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;

/**
 * A WeChat Official Account channel's server URL (服务器地址), public to Spring Security: WeChat proves itself with
 * the channel's token. GET is WeChat's check of the URL (echo {@code echostr} when the signature is right); POST is a
 * follower's message or event, answered {@code success} (never a passive reply: replies go out as customer-service
 * messages, so one is never sent twice). A bad signature is 403 and nothing is stored.
 */
@RestController
class WechatCallbackController {

	private static final String PATH = "/api/v1/channels/{channelId}/wechat";

	private final Channels channels;
	private final WechatInbound inbound;

	WechatCallbackController(Channels channels, WechatInbound inbound) {
		this.channels = channels;
		this.inbound = inbound;
	}

	@Operation(summary = "WeChat checks the channel's server URL",
			description = "Answers echostr when signature = SHA-1 of the sorted token, timestamp and nonce; 403 otherwise.")
	@GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
	String verify(@PathVariable UUID channelId, @RequestParam(required = false) @Nullable String signature,
			@RequestParam(required = false) @Nullable String timestamp,
			@RequestParam(required = false) @Nullable String nonce,
			@RequestParam(required = false) @Nullable String echostr) {
		ChannelInstance channel = channel(channelId);
		if (!WechatSettings.of(channel).crypto().signedCallback(signature, timestamp, nonce)) {
			throw new CallbackRejected("signature does not match: the Token must be the same here and in the WeChat "
					+ "console");
		}
		return echostr == null ? "" : echostr;
	}

	@Operation(summary = "A follower's message or event from WeChat (XML; plaintext or safe mode)",
			description = "Plaintext mode: signature over token, timestamp, nonce. Safe mode (encrypt_type=aes): "
					+ "msg_signature over token, timestamp, nonce and the ciphertext. Answers success.")
	@PostMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
	String receive(@PathVariable UUID channelId, @RequestParam(required = false) @Nullable String signature,
			@RequestParam(required = false) @Nullable String timestamp,
			@RequestParam(required = false) @Nullable String nonce,
			@RequestParam(name = "encrypt_type", required = false) @Nullable String encryptType,
			@RequestParam(name = "msg_signature", required = false) @Nullable String msgSignature,
			@RequestBody(required = false) byte @Nullable [] bytes) {
		ChannelInstance channel = channel(channelId);
		WechatSettings settings = WechatSettings.of(channel);
		CallbackCrypto crypto = settings.crypto();
		String body = CallbackXml.text(bytes);
		Map<String, String> message;
		if ("aes".equalsIgnoreCase(encryptType)) {
			String ciphertext = CallbackXml.field(CallbackXml.read(body), "Encrypt");
			if (ciphertext == null || !crypto.signedMessage(msgSignature, timestamp, nonce, ciphertext)) {
				throw new CallbackRejected("msg_signature does not match: the Token must be the same here and in the "
						+ "WeChat console");
			}
			message = CallbackXml.read(crypto.decrypt(ciphertext));
		}
		else {
			if (crypto.encrypted()) {
				// The body of a plaintext message is not covered by its signature: with a key set, only safe mode.
				throw new CallbackRejected("this channel has an EncodingAESKey, so WeChat must send in safe mode "
						+ "(安全模式) or compatible mode (兼容模式)");
			}
			if (!crypto.signedCallback(signature, timestamp, nonce)) {
				throw new CallbackRejected("signature does not match: the Token must be the same here and in the "
						+ "WeChat console");
			}
			message = CallbackXml.read(body);
		}
		inbound.receive(channel, settings, message);
		return "success";
	}

	private ChannelInstance channel(UUID channelId) {
		return channels.inbound(WechatChannel.ID, channelId)
			.orElseThrow(() -> new ResourceNotFound("channel", channelId));
	}
}
