package dev.kefu.channel.wechat;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.ChannelProvider;
import dev.kefu.channel.ConfigProperty;
import dev.kefu.channel.ConnectionCheck;
import dev.kefu.channel.Outbound;
import dev.kefu.organization.Groups;
import dev.kefu.shared.RequestRejected;

/**
 * A WeChat Official Account (公众号). Followers' messages and events come to the channel's callback path
 * ({@link WechatCallbackController}), signed with the token the admin typed into both consoles and, in safe mode,
 * encrypted with the EncodingAESKey. Agents' replies go out through the send queue to WeChat's customer-service
 * message API ({@link WechatDelivery}).
 */
@Component
class WechatChannel implements ChannelProvider {

	static final String ID = "wechat-mp";

	private final WechatDelivery delivery;
	private final WechatApi api;
	private final AccessTokens tokens;
	private final Followers followers;
	private final HeldMessages held;
	private final Groups groups;

	WechatChannel(WechatDelivery delivery, WechatApi api, AccessTokens tokens, Followers followers,
			HeldMessages held, Groups groups) {
		this.delivery = delivery;
		this.api = api;
		this.tokens = tokens;
		this.followers = followers;
		this.held = held;
		this.groups = groups;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String displayName() {
		return "WeChat Official Account";
	}

	@Override
	public List<ConfigProperty> configuration() {
		return List.of(ConfigProperty.required(WechatSettings.APP_ID, "AppID", ConfigProperty.Type.STRING),
				ConfigProperty.secret(WechatSettings.APP_SECRET, "AppSecret"),
				ConfigProperty.secret(WechatSettings.TOKEN, "Token"),
				// Optional: without it the channel takes plaintext mode only.
				new ConfigProperty(WechatSettings.ENCODING_AES_KEY, "EncodingAESKey (safe mode)",
						ConfigProperty.Type.STRING, false, true),
				ConfigProperty.optional(WechatSettings.GROUP_ID, "Group", ConfigProperty.Type.STRING),
				ConfigProperty.optional(WechatSettings.CHAT_MENU_KEY, "Menu key that starts a chat",
						ConfigProperty.Type.STRING),
				ConfigProperty.optional(WechatSettings.API_BASE_URL, "API base URL (default https://api.weixin.qq.com)",
						ConfigProperty.Type.URL));
	}

	@Override
	public String inboundPath() {
		return "/api/v1/channels/{channelId}/wechat";
	}

	@Override
	public boolean sendsOut() {
		return true;
	}

	@Override
	public boolean queued() {
		return true;
	}

	/** A wrong AppID, token or key would only show as WeChat's refusal to save the server URL: say it here. */
	@Override
	public void saved(ChannelInstance instance) {
		WechatSettings settings = WechatSettings.of(instance).checked();
		if (settings.groupId() != null && groups.find(instance.organizationId(), settings.groupId()).isEmpty()) {
			throw new RequestRejected("invalid-configuration",
					WechatSettings.GROUP_ID + " names no group of this organization");
		}
		// New credentials may name another account: its token is not this one's.
		tokens.forget(instance.id());
	}

	@Override
	public void removed(ChannelInstance instance) {
		tokens.forget(instance.id());
		followers.forget(instance.id());
		held.forget(instance.id());
	}

	@Override
	public @Nullable String deliver(ChannelInstance instance, Outbound outbound) throws Exception {
		return delivery.deliver(instance, outbound);
	}

	/** Asks WeChat for an access token with the given AppID and AppSecret and says what it answered. */
	@Override
	public ConnectionCheck check(ChannelInstance instance) {
		// Settings that could never work are refused as saving them would be, before anything is sent to WeChat.
		WechatSettings settings = WechatSettings.of(instance).checked();
		try {
			WechatApi.Token token = api.token(settings.apiBase(), settings.appId(), settings.appSecret());
			return ConnectionCheck.ok("WeChat gave an access token for " + settings.appId() + " (valid "
					+ token.expiresInSeconds() + " s)");
		}
		catch (WechatError e) {
			return ConnectionCheck.failed("WeChat answered errcode " + e.errcode() + ": " + e.errmsg()
					+ hint(e.errcode()));
		}
		catch (IOException e) {
			return ConnectionCheck.failed("cannot reach " + settings.apiBase() + ": " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return ConnectionCheck.failed("interrupted while asking WeChat");
		}
	}

	private static String hint(int errcode) {
		return switch (errcode) {
			case 40013 -> " (the AppID is wrong)";
			case 40125, 40001 -> " (the AppSecret is wrong or was reset)";
			case 40164 -> " (add this server's IP address to the IP whitelist in the WeChat console)";
			default -> "";
		};
	}
}
