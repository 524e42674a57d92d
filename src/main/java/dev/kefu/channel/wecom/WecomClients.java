package dev.kefu.channel.wecom;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;

/**
 * WxJava's client of each WeCom channel, made on first use and again when the channel's settings change (on any
 * node: the instance's update time says so). Its access token lives in the database, shared by all nodes.
 */
@Component
class WecomClients {

	private record Made(Instant settingsOf, WxCpService service) {
	}

	private final WecomAccessTokens tokens;
	private final Map<UUID, Made> made = new ConcurrentHashMap<>();

	WecomClients(WecomAccessTokens tokens) {
		this.tokens = tokens;
	}

	WxCpService of(ChannelInstance channel) {
		Made known = made.get(channel.id());
		if (known == null || !known.settingsOf().equals(channel.updatedAt())) {
			WecomSettings settings = WecomSettings.of(channel);
			SharedTokenStorage storage = new SharedTokenStorage(tokens, channel.id(), settings.corpId(),
					settings.secret());
			known = new Made(channel.updatedAt(), service(storage, settings));
			made.put(channel.id(), known);
		}
		return known.service();
	}

	/** A client for settings that may not be saved yet ("Test the connection"): its token is its own. */
	WxCpService unsaved(ChannelInstance channel) {
		WecomSettings settings = WecomSettings.of(channel);
		WxCpDefaultConfigImpl storage = new WxCpDefaultConfigImpl();
		storage.setCorpId(settings.corpId());
		storage.setCorpSecret(settings.secret());
		return service(storage, settings);
	}

	void forget(UUID channel) {
		made.remove(channel);
	}

	private static WxCpService service(WxCpDefaultConfigImpl storage, WecomSettings settings) {
		storage.setBaseApiUrl(settings.apiBaseUrl());
		WxCpServiceImpl service = new WxCpServiceImpl();
		service.setWxCpConfigStorage(storage);
		// WxJava sleeps and retries "system busy" (-1) itself; once is enough, the send queue retries with backoff.
		// (With 0 it would turn every WeCom error into one without its code.)
		service.setMaxRetryTimes(1);
		service.setRetrySleepMillis(500);
		return service;
	}
}
