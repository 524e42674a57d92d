package dev.kefu.channel.wechat;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.channel.callback.CallbackCrypto;
import dev.kefu.channel.ChannelInstance;
import dev.kefu.shared.RequestRejected;

/** A WeChat channel's configuration, read from its instance (checked against the schema by the core, and here). */
record WechatSettings(String appId, String appSecret, String token, @Nullable String encodingAesKey,
		@Nullable UUID groupId, @Nullable String chatMenuKey, String apiBase) {

	static final String APP_ID = "appId";
	static final String APP_SECRET = "appSecret";
	static final String TOKEN = "token";
	static final String ENCODING_AES_KEY = "encodingAESKey";
	static final String GROUP_ID = "groupId";
	static final String CHAT_MENU_KEY = "chatMenuKey";
	static final String API_BASE_URL = "apiBaseUrl";

	static WechatSettings of(ChannelInstance channel) {
		String group = channel.setting(GROUP_ID);
		String base = channel.setting(API_BASE_URL);
		return new WechatSettings(orEmpty(channel.setting(APP_ID)), orEmpty(channel.setting(APP_SECRET)),
				orEmpty(channel.setting(TOKEN)), channel.setting(ENCODING_AES_KEY), group == null ? null : uuid(group),
				channel.setting(CHAT_MENU_KEY), base == null ? WechatApi.DEFAULT_BASE : base);
	}

	/** What an admin must get right before WeChat will talk to the channel, said the way the WeChat console says it. */
	WechatSettings checked() {
		if (!appId.matches("wx[0-9a-zA-Z]{14,30}")) {
			throw invalid(APP_ID + " must be the account's AppID (开发者ID), like wx1234567890abcdef");
		}
		if (!token.matches("[0-9a-zA-Z]{3,32}")) {
			throw invalid(TOKEN + " must be 3-32 letters or digits, the same as in the WeChat console (令牌 Token)");
		}
		if (encodingAesKey != null && !CallbackCrypto.wellFormedKey(encodingAesKey)) {
			throw invalid(ENCODING_AES_KEY
					+ " must be the 43 letters and digits of the console's EncodingAESKey (消息加解密密钥)");
		}
		return this;
	}

	CallbackCrypto crypto() {
		return new CallbackCrypto(token, encodingAesKey, appId);
	}

	private static UUID uuid(String group) {
		try {
			return UUID.fromString(group);
		}
		catch (IllegalArgumentException e) {
			throw invalid(GROUP_ID + " must be a group's id");
		}
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static RequestRejected invalid(String message) {
		return new RequestRejected("invalid-configuration", message);
	}
}
