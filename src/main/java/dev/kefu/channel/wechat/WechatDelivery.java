package dev.kefu.channel.wechat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.CustomerMessages;
import dev.kefu.channel.DeliveryFailed;
import dev.kefu.channel.Outbound;

/**
 * Sends what agents, the assistant and the system write to a follower as customer-service messages. WeChat allows
 * them only within 48 hours of the follower's last message (or follow, or menu click), and never to someone who
 * unfollowed: those are refused here, permanently and with the reason the desk shows on the message. A token WeChat
 * calls expired mid-send is refreshed and the send tried once more.
 */
@Component
class WechatDelivery {

	static final Duration WINDOW = Duration.ofHours(48);

	static final String WINDOW_CLOSED = "the customer last wrote more than 48 hours ago; WeChat only allows replies "
			+ "within 48 hours";

	static final String UNFOLLOWED = "the customer unfollowed the Official Account; WeChat delivers nothing to them";

	/** The image types WeChat takes as temporary media (not WebP). */
	static final Set<String> SENDABLE_IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp");

	private final WechatApi api;
	private final AccessTokens tokens;
	private final Followers followers;
	private final CustomerMessages customers;
	private final OutboundFiles files;
	private final Clock clock;

	WechatDelivery(WechatApi api, AccessTokens tokens, Followers followers, CustomerMessages customers,
			OutboundFiles files, Clock clock) {
		this.api = api;
		this.tokens = tokens;
		this.followers = followers;
		this.customers = customers;
		this.files = files;
		this.clock = clock;
	}

	/** A call of WeChat's API with an access token. */
	@FunctionalInterface
	interface Call<T> {

		T with(String token) throws IOException, InterruptedException;
	}

	@Nullable
	String deliver(ChannelInstance channel, Outbound outbound) throws IOException, InterruptedException {
		if (!(outbound instanceof Outbound.Message message)) {
			// The follower sees agents' and the system's messages; state changes have their system lines.
			return null;
		}
		String openid = customers.externalCustomerId(channel, message.contactId())
			.orElseThrow(() -> DeliveryFailed.permanent("the customer has no WeChat openid on this channel"));
		Followers.Follower follower = followers.find(channel.id(), openid)
			.orElseThrow(() -> DeliveryFailed.permanent(WINDOW_CLOSED));
		if (follower.unsubscribedAt() != null) {
			throw DeliveryFailed.permanent(UNFOLLOWED);
		}
		Instant last = follower.lastMessageAt();
		if (last == null || last.plus(WINDOW).isBefore(clock.instant())) {
			throw DeliveryFailed.permanent(WINDOW_CLOSED);
		}
		WechatSettings settings = WechatSettings.of(channel);
		StringBuilder text = new StringBuilder(message.text());
		for (OutboundFiles.File file : files.of(channel, message)) {
			if (SENDABLE_IMAGES.contains(file.contentType()) && file.content().length <= OutboundFiles.MAX_IMAGE) {
				String mediaId = call(channel, settings, "media/upload",
						token -> api.uploadImage(settings.apiBase(), token, file.name(), file.contentType(), file.content()));
				call(channel, settings, "custom/send",
						token -> { api.sendImage(settings.apiBase(), token, openid, mediaId); return null; });
			}
			else {
				// WeChat's customer-service messages carry no files but its kinds of images: name the file instead.
				text.append(text.isEmpty() ? "" : "\n").append("[").append(file.name()).append("]");
			}
		}
		if (!text.toString().isBlank()) {
			call(channel, settings, "custom/send",
					token -> { api.sendText(settings.apiBase(), token, openid, text.toString()); return null; });
		}
		// WeChat's customer-service API answers no message id.
		return null;
	}

	private <T> T call(ChannelInstance channel, WechatSettings settings, String name, Call<T> call)
			throws IOException, InterruptedException {
		String token = tokens.current(channel.id(), settings);
		try {
			try {
				return call.with(token);
			}
			catch (WechatError e) {
				if (!WechatError.tokenExpired(e.errcode())) {
					throw e;
				}
				tokens.expired(channel.id(), token);
				return call.with(tokens.current(channel.id(), settings));
			}
		}
		catch (WechatError e) {
			throw refusal(e);
		}
	}

	/** What no retry changes is permanent, in words the desk can show; anything else is retried by the queue. */
	private static RuntimeException refusal(WechatError e) {
		return switch (e.errcode()) {
			case 45015 -> DeliveryFailed.permanent(WINDOW_CLOSED);
			case 43004 -> DeliveryFailed.permanent(UNFOLLOWED);
			case 40003 -> DeliveryFailed.permanent("WeChat does not know the customer's openid for this account "
					+ "(errcode 40003)");
			case 45047 -> DeliveryFailed.permanent("WeChat allows no more replies until the customer writes again "
					+ "(errcode 45047)");
			case 48001 -> DeliveryFailed.permanent("the Official Account may not send customer-service messages "
					+ "(errcode 48001: api unauthorized; a verified service account is needed)");
			default -> e;
		};
	}
}
