package dev.kefu.channel.wecom;

import java.io.File;
import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInbound;
import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.CustomerMessages;
import dev.kefu.channel.Deliveries;
import dev.kefu.channel.NobodyAvailable;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.bean.kf.WxCpKfMsgListResp.WxCpKfMsgItem;
import me.chanjar.weixin.cp.bean.kf.msg.WxCpKfEventMsg;
import me.chanjar.weixin.cp.bean.kf.msg.WxCpKfResourceMsg;

/**
 * One item of a kf/sync_msg page: a customer's message (origin 3) becomes a message of their chat, stored once by
 * its msgid; a system event (origin 4) opens a chat when they enter the window, or marks a message WeCom could not
 * deliver. What WeCom servicers typed in their own client (origin 5) is not Kefu's to store.
 */
@Component
class InboundItems {

	private static final Logger log = LoggerFactory.getLogger(InboundItems.class);
	static final int FROM_CUSTOMER = 3;
	static final int EVENT = 4;

	private final CustomerMessages customers;
	private final ChannelInbound inbound;
	private final Deliveries deliveries;
	private final WecomClients clients;
	private final Welcomes welcomes;

	InboundItems(CustomerMessages customers, ChannelInbound inbound, Deliveries deliveries, WecomClients clients,
			Welcomes welcomes) {
		this.customers = customers;
		this.inbound = inbound;
		this.deliveries = deliveries;
		this.clients = clients;
		this.welcomes = welcomes;
	}

	void handle(ChannelInstance channel, WecomSettings settings, WxCpKfMsgItem item) {
		Integer origin = item.getOrigin();
		if (origin != null && origin == FROM_CUSTOMER && item.getExternalUserId() != null && item.getMsgId() != null) {
			message(channel, settings, item);
		}
		else if (origin != null && origin == EVENT && item.getEvent() != null) {
			event(channel, settings, item.getEvent());
		}
	}

	private void message(ChannelInstance channel, WecomSettings settings, WxCpKfMsgItem item) {
		List<CustomerMessages.IncomingFile> files = new ArrayList<>();
		String text = switch (item.getMsgType() == null ? "" : item.getMsgType()) {
			case "text" -> item.getText() == null ? "" : item.getText().getContent();
			case "image" -> media(channel, item.getImage(), "image", files);
			case "file" -> media(channel, item.getFile(), "file", files);
			case "voice" -> media(channel, item.getVoice(), "voice", files);
			case "video" -> media(channel, item.getVideo(), "video", files);
			case "location" -> item.getLocation() == null ? "[location]"
					: "[location] " + join(item.getLocation().getName(), item.getLocation().getAddress());
			case "link" -> item.getLink() == null ? "[link]"
					: "[link] " + join(item.getLink().getTitle(), item.getLink().getUrl());
			case "miniprogram" -> item.getMiniProgram() == null ? "[mini program]"
					: "[mini program] " + join(item.getMiniProgram().getTitle(), null);
			default -> "[" + item.getMsgType() + " message: open WeCom to see it]";
		};
		CustomerMessages.Incoming incoming = new CustomerMessages.Incoming(item.getExternalUserId(), item.getMsgId(),
				text, files, null, settings.groupId());
		try {
			customers.receive(channel, incoming);
		}
		catch (NobodyAvailable nobody) {
			// Nobody can chat now (every customer of the channel goes to one group, so none can be served): the cursor
			// stays before this message, WeCom keeps it, and the sweep reads it again until someone can take it.
			throw new NobodyToReadFor(nobody);
		}
	}

	/**
	 * The file of an image, voice, video or file message. WeCom refusing it (an expired media id) is said in the
	 * text and the message kept; a network failure is thrown, so the page is read again later.
	 */
	private String media(ChannelInstance channel, @Nullable WxCpKfResourceMsg resource, String kind,
			List<CustomerMessages.IncomingFile> files) {
		if (resource == null || resource.getMediaId() == null) {
			return "[" + kind + "]";
		}
		File downloaded = null;
		try {
			downloaded = clients.of(channel).getMediaService().download(resource.getMediaId());
			String extension = extension(downloaded.getName());
			String name = kind + extension;
			String type = URLConnection.guessContentTypeFromName(name);
			files.add(new CustomerMessages.IncomingFile(name, type == null ? "application/octet-stream" : type,
					Files.readAllBytes(downloaded.toPath())));
			return "";
		}
		catch (WxErrorException e) {
			return "[" + kind + " could not be fetched from WeCom: " + e.getError().getErrorMsg() + "]";
		}
		catch (IOException e) {
			throw new IllegalStateException("reading the downloaded " + kind + " failed", e);
		}
		finally {
			if (downloaded != null && !downloaded.delete()) {
				downloaded.deleteOnExit();
			}
		}
	}

	private void event(ChannelInstance channel, WecomSettings settings, WxCpKfEventMsg event) {
		String customer = event.getExternalUserId();
		switch (event.getEventType() == null ? "" : event.getEventType()) {
			case "enter_session" -> {
				if (customer == null) {
					return;
				}
				if (event.getWelcomeCode() != null) {
					welcomes.entered(channel.id(), customer, event.getWelcomeCode());
				}
				// The chat starts as the customer opens the window, so the assistant's or agent's greeting can go out
				// with the welcome code while it is fresh; nobody available is no error here: they have not written.
				inbound.start(channel, customers.contact(channel, customer), settings.groupId());
			}
			case "msg_send_fail" -> {
				if (event.getFailMsgId() != null) {
					deliveries.failedLater(channel.id(), event.getFailMsgId(),
							"WeCom could not deliver it to the customer (fail_type " + event.getFailType() + ")");
				}
			}
			case "session_status_change" -> log.info("WeCom channel {}: a servicer changed {}'s session (change_type {})",
					channel.id(), customer, event.getChangeType());
			default -> log.debug("WeCom channel {}: event {} ignored", channel.id(), event.getEventType());
		}
	}

	/** Why a read stopped before a customer's message: nobody can take a chat now. */
	static final class NobodyToReadFor extends RuntimeException {

		NobodyToReadFor(NobodyAvailable cause) {
			super("nobody can take a chat now (" + cause.getMessage() + "); WeCom keeps the message", cause);
		}
	}

	private static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot).toLowerCase();
	}

	private static String join(@Nullable String a, @Nullable String b) {
		return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
	}
}
