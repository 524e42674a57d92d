package dev.kefu.channel.wecom;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.channel.callback.CallbackCrypto;
import dev.kefu.channel.ChannelInstance;

/** A WeCom channel's settings, as the admin entered them (see {@link WecomKfChannel#configuration()}). */
record WecomSettings(String corpId, String secret, String token, String encodingAesKey, String openKfid,
		@Nullable UUID groupId, String apiBaseUrl) {

	static final String CORP_ID = "corpId";
	static final String SECRET = "secret";
	static final String TOKEN = "token";
	static final String AES_KEY = "encodingAESKey";
	static final String OPEN_KFID = "openKfid";
	static final String GROUP = "groupId";
	static final String API_BASE_URL = "apiBaseUrl";
	static final String DEFAULT_API = "https://qyapi.weixin.qq.com";

	static WecomSettings of(ChannelInstance channel) {
		String group = channel.setting(GROUP);
		String api = channel.setting(API_BASE_URL);
		return new WecomSettings(required(channel, CORP_ID), required(channel, SECRET), required(channel, TOKEN),
				required(channel, AES_KEY), required(channel, OPEN_KFID), group == null ? null : UUID.fromString(group),
				api == null ? DEFAULT_API : stripSlash(api));
	}

	CallbackCrypto crypto() {
		return new CallbackCrypto(token, encodingAesKey, corpId);
	}

	private static String required(ChannelInstance channel, String name) {
		String value = channel.setting(name);
		if (value == null) {
			throw new IllegalStateException("the WeCom channel " + channel.id() + " has no " + name);
		}
		return value;
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
