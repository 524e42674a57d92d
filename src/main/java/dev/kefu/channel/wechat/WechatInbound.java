package dev.kefu.channel.wechat;

import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dev.kefu.channel.callback.CallbackXml;
import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.Channels;
import dev.kefu.channel.CustomerMessages;
import dev.kefu.channel.NobodyAvailable;
import dev.kefu.contact.ContactProfile;
import dev.kefu.shared.RequestRejected;

/**
 * What a follower sent, taken in: a text, an image or a voice message (its file fetched from WeChat and kept as an
 * attachment; a voice message's text too, when WeChat recognized it), following the account, unfollowing it, and
 * clicking the menu item that starts a chat. Every message goes through {@link CustomerMessages}, stored once per
 * WeChat MsgId (WeChat sends a message up to three times when it hears no answer); an event, which has no MsgId, once
 * per follower, time and event. WeChat waits 5 seconds for its answer: what takes longer (a slow media download)
 * finishes after the answer.
 */
@Service
class WechatInbound {

	private static final Logger log = LoggerFactory.getLogger(WechatInbound.class);

	/** Answer WeChat by then, whatever is still being done: it gives up (and sends again) after 5 seconds. */
	static final Duration ANSWER_WITHIN = Duration.ofSeconds(4);

	/** The contact attributes that name the follower. */
	static final String OPENID = "openid";

	static final String UNIONID = "unionid";

	static final String FOLLOWED = "[关注了公众号 / followed the Official Account]";

	static final String CLICKED = "[点击菜单：%s / clicked the menu: %s]";

	private final CustomerMessages customers;
	private final Followers followers;
	private final WechatApi api;
	private final AccessTokens tokens;
	private final HeldMessages held;
	private final Channels channels;
	private final Clock clock;
	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	WechatInbound(CustomerMessages customers, Followers followers, WechatApi api, AccessTokens tokens,
			HeldMessages held, Channels channels, Clock clock) {
		this.customers = customers;
		this.followers = followers;
		this.api = api;
		this.tokens = tokens;
		this.held = held;
		this.channels = channels;
		this.clock = clock;
	}

	@PreDestroy
	void stop() {
		workers.close();
	}

	void receive(ChannelInstance channel, WechatSettings settings, Map<String, String> message) {
		String openid = required(message, "FromUserName");
		String type = required(message, "MsgType").toLowerCase(Locale.ROOT);
		wellFormed(message, openid, type);
		CompletableFuture<Void> work = CompletableFuture
			.runAsync(() -> take(channel, settings, openid, type, message, true), workers)
			.whenComplete((done, failed) -> {
				if (failed != null && !(failed.getCause() instanceof RequestRejected)) {
					log.error("WeChat message of {} on channel {} was not taken in", openid, channel.id(), failed);
				}
			});
		try {
			work.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException stillWorking) {
			log.info("WeChat message of {} on channel {} is still being taken in; answered WeChat already", openid,
					channel.id());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException e) {
			// Failed within WeChat's wait: an error answer makes WeChat send the message again.
			if (e.getCause() instanceof RuntimeException failed) {
				throw failed;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	/**
	 * Takes in the held messages, oldest first, once someone can answer them; those nobody can take yet wait for the
	 * next round. Every node runs it: a message two nodes take at once is stored once.
	 */
	@Scheduled(fixedDelayString = "${kefu.wechat.held-retry:30s}", initialDelayString = "${kefu.wechat.held-retry:30s}")
	void takeHeld() {
		for (HeldMessages.Held message : held.due(50)) {
			Optional<ChannelInstance> channel = channels.ofProvider(WechatChannel.ID, message.channelId());
			if (channel.isEmpty() || !channel.get().enabled()) {
				held.taken(message.channelId(), message.key());
				continue;
			}
			try {
				String openid = required(message.fields(), "FromUserName");
				String type = required(message.fields(), "MsgType").toLowerCase(Locale.ROOT);
				if (take(channel.get(), WechatSettings.of(channel.get()), openid, type, message.fields(), false)) {
					held.taken(message.channelId(), message.key());
				}
				else {
					held.tried(message);
				}
			}
			catch (RuntimeException e) {
				log.warn("held WeChat message {} on channel {} not taken in yet: {}", message.key(),
						message.channelId(), e.toString());
				held.tried(message);
			}
		}
	}

	/** False when nobody could take the message: held (if {@code hold}) to be taken in later. */
	private boolean take(ChannelInstance channel, WechatSettings settings, String openid, String type,
			Map<String, String> message, boolean hold) {
		Taking taking = new Taking(channel, settings, openid, message, hold);
		return switch (type) {
			case "text" -> taking.message(orEmpty(CallbackXml.field(message, "Content")), List.of());
			case "image", "voice" -> media(taking, type);
			case "location" -> taking.message("[位置 / location] " + orEmpty(CallbackXml.field(message, "Label")) + " ("
					+ CallbackXml.field(message, "Location_X") + ", " + CallbackXml.field(message, "Location_Y") + ")",
					List.of());
			case "link" -> taking.message("[链接 / link] " + orEmpty(CallbackXml.field(message, "Title")) + " "
					+ orEmpty(CallbackXml.field(message, "Url")), List.of());
			case "video", "shortvideo" -> taking.message(
					"[视频 / a video, which Kefu cannot show: ask the customer to describe it]", List.of());
			case "event" -> event(taking);
			default -> {
				log.debug("WeChat message type {} is not taken in", type);
				yield true;
			}
		};
	}

	/** One callback being taken in. */
	private final class Taking {

		final ChannelInstance channel;
		final WechatSettings settings;
		final String openid;
		final Map<String, String> fields;
		final boolean hold;

		Taking(ChannelInstance channel, WechatSettings settings, String openid, Map<String, String> fields,
				boolean hold) {
			this.channel = channel;
			this.settings = settings;
			this.openid = openid;
			this.fields = fields;
			this.hold = hold;
		}

		/** When the follower wrote: WeChat's CreateTime (a held message keeps its own), never later than now. */
		Instant at() {
			Instant now = clock.instant();
			try {
				Instant created = Instant.ofEpochSecond(Long.parseLong(orEmpty(CallbackXml.field(fields, "CreateTime"))));
				return created.isBefore(now) ? created : now;
			}
			catch (NumberFormatException | DateTimeException e) {
				// No number, or a second no clock can show (9223372036854775807): now.
				return now;
			}
		}

		boolean message(String text, List<CustomerMessages.IncomingFile> files) {
			String key = "msg:" + required(fields, "MsgId");
			Map<String, String> attributes = attributes(channel, settings, openid,
					followers.find(channel.id(), openid).isEmpty());
			followers.wrote(channel, openid, at());
			try {
				customers.receive(channel, incoming(settings, openid, key, text, files, attributes));
				return true;
			}
			catch (NobodyAvailable nobody) {
				// Never lost: held, and taken in when someone can answer it.
				if (hold) {
					held.hold(channel, key, fields);
				}
				return false;
			}
		}

		/** Following the account or clicking "chat" opens a chat; with nobody to take it, there is nothing to keep. */
		boolean startChat(String key, String text) {
			Map<String, String> attributes = attributes(channel, settings, openid, true);
			followers.wrote(channel, openid, at());
			try {
				customers.receive(channel, incoming(settings, openid, key, text, List.of(), attributes));
			}
			catch (NobodyAvailable nobody) {
				// The follower is a contact already (made before the chat was asked for), ready for when they write.
				log.debug("no chat for WeChat follower {} on channel {}: {}", openid, channel.id(), nobody.getMessage());
			}
			return true;
		}
	}

	private boolean media(Taking taking, String type) {
		String mediaId = required(taking.fields, "MediaId");
		List<CustomerMessages.IncomingFile> files = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		try {
			WechatApi.Media media = fetch(taking.channel, taking.settings, mediaId);
			files.add(new CustomerMessages.IncomingFile(media.fileName(), media.contentType(), media.content()));
		}
		catch (IOException | WechatError e) {
			// Never lose the message: the agent learns that a file was sent and why it is not here.
			text.append("[").append(type).append(": the file could not be fetched from WeChat: ")
				.append(e.getMessage()).append("]");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while fetching a WeChat file", e);
		}
		String recognized = CallbackXml.field(taking.fields, "Recognition");
		if (recognized != null) {
			text.append(text.isEmpty() ? "" : "\n").append(recognized);
		}
		return taking.message(text.toString(), files);
	}

	private boolean event(Taking taking) {
		String event = orEmpty(CallbackXml.field(taking.fields, "Event"));
		String key = "event:" + taking.openid + ":" + orEmpty(CallbackXml.field(taking.fields, "CreateTime")) + ":"
				+ event;
		switch (event.toLowerCase(Locale.ROOT)) {
			case "subscribe" -> taking.startChat(key, FOLLOWED);
			case "unsubscribe" -> followers.unsubscribed(taking.channel, taking.openid, clock.instant());
			case "click" -> {
				String clicked = CallbackXml.field(taking.fields, "EventKey");
				if (clicked != null && clicked.equals(taking.settings.chatMenuKey())) {
					taking.startChat(key, CLICKED.formatted(clicked, clicked));
				}
			}
			default -> log.debug("WeChat event {} is not taken in", event);
		}
		return true;
	}

	private WechatApi.Media fetch(ChannelInstance channel, WechatSettings settings, String mediaId)
			throws IOException, InterruptedException {
		return withToken(channel, settings, token -> api.download(settings.apiBase(), token, mediaId));
	}

	/** A call with the channel's access token, once more with a new one if WeChat says it expired. */
	private <T> T withToken(ChannelInstance channel, WechatSettings settings, WechatDelivery.Call<T> call)
			throws IOException, InterruptedException {
		String token = tokens.current(channel.id(), settings);
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

	/**
	 * What the contact shows agents of the follower: the openid, and the UnionID when WeChat has one, asked for when
	 * the follower is new to the channel or follows again (one call, not one per message).
	 */
	private Map<String, String> attributes(ChannelInstance channel, WechatSettings settings, String openid,
			boolean ask) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put(OPENID, openid);
		if (ask) {
			try {
				String unionId = withToken(channel, settings, token -> api.unionId(settings.apiBase(), token, openid));
				if (unionId != null) {
					attributes.put(UNIONID, unionId);
				}
			}
			catch (IOException | WechatError e) {
				log.info("no UnionID for WeChat follower {} on channel {}: {}", openid, channel.id(), e.getMessage());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return attributes;
	}

	private static CustomerMessages.Incoming incoming(WechatSettings settings, String openid, String messageId,
			String text, List<CustomerMessages.IncomingFile> files, Map<String, String> attributes) {
		return new CustomerMessages.Incoming(openid, messageId, text, files,
				new ContactProfile(null, null, null, attributes), settings.groupId());
	}

	/**
	 * The fields that name things to store (the follower, the message, the event) have WeChat's shapes; anything else
	 * is refused whole with {@code 400 malformed-request} rather than stored in part or failing at the database.
	 */
	private static void wellFormed(Map<String, String> message, String openid, String type) {
		shaped("FromUserName", openid, "[A-Za-z0-9_-]{1,128}");
		shaped("MsgType", type, "[a-z_]{1,32}");
		for (Map.Entry<String, String> field : Map.of("MsgId", "[0-9]{1,32}", "CreateTime", "[0-9]{1,20}", "Event",
				"[A-Za-z0-9_]{1,64}").entrySet()) {
			String value = CallbackXml.field(message, field.getKey());
			if (value != null) {
				shaped(field.getKey(), value, field.getValue());
			}
		}
	}

	private static void shaped(String field, String value, String shape) {
		if (!value.matches(shape)) {
			throw new RequestRejected("malformed-request", "a WeChat message's " + field + " is not what WeChat sends");
		}
	}

	private static String required(Map<String, String> message, String field) {
		String value = CallbackXml.field(message, field);
		if (value == null) {
			throw new RequestRejected("malformed-request", "a WeChat message has " + field);
		}
		return value;
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}
}
