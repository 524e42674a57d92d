package dev.kefu.channel.wecom;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.Channels;
import dev.kefu.shared.Ids;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.bean.kf.WxCpKfMsgListResp;

/**
 * Reads a WeCom channel's new messages with kf/sync_msg after each callback: on a thread of its own (WeCom wants
 * the callback answered within seconds), by one node at a time ({@link SyncState}'s lease), page after page while
 * WeCom has more, storing the cursor after each page is stored. Every message is stored once by its msgid
 * ({@link InboundItems}), so a page read again after a crash between storing and advancing adds nothing.
 */
@Component
class MessageSync implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MessageSync.class);
	/** WeCom's page size limit. */
	private static final int PAGE = 1000;
	/** WeCom's code for a callback token it no longer accepts. */
	private static final int INVALID_CALLBACK_TOKEN = 95007;

	private final SyncState state;
	private final WecomClients clients;
	private final InboundItems items;
	private final Channels channels;
	private final String node = "node-" + Ids.newId();
	private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

	MessageSync(SyncState state, WecomClients clients, InboundItems items, Channels channels) {
		this.state = state;
		this.clients = clients;
		this.items = items;
		this.channels = channels;
	}

	/** A callback said there is something: read it soon, here or on the node that is reading the channel now. */
	void callback(ChannelInstance channel, String callbackToken) {
		state.wanted(channel.id(), callbackToken.isBlank() ? null : callbackToken);
		readers.submit(() -> read(channel.id()));
	}

	/** Picks up what no node is reading: a callback whose node died before reading, or a read that failed. */
	@Scheduled(fixedDelayString = "${kefu.channels.wecom.sweep-interval:30s}",
			initialDelayString = "${kefu.channels.wecom.sweep-interval:30s}")
	void sweep() {
		state.waiting().forEach(channel -> readers.submit(() -> read(channel)));
	}

	void read(UUID channelId) {
		ChannelInstance channel = channels.ofProvider(WecomKfChannel.ID, channelId).orElse(null);
		if (channel == null || !channel.enabled() || !state.take(channelId, node)) {
			return;
		}
		try {
			do {
				while (state.startRound(channelId, node)) {
					round(channel);
				}
			}
			while (!state.release(channelId, node));
		}
		catch (InboundItems.NobodyToReadFor e) {
			log.info("WeCom channel {}: {}; read again by the next callback or sweep", channelId, e.getMessage());
			state.abandon(channelId, node);
		}
		catch (Exception e) {
			log.warn("Reading the messages of WeCom channel {} failed; the next callback or sweep reads on: {}",
					channelId, e.toString());
			state.abandon(channelId, node);
		}
	}

	private void round(ChannelInstance channel) throws WxErrorException {
		WecomSettings settings = WecomSettings.of(channel);
		boolean more;
		do {
			SyncState.Position at = state.position(channel.id());
			WxCpKfMsgListResp page = page(channel, settings, at);
			if (page.getMsgList() != null) {
				page.getMsgList().forEach(item -> items.handle(channel, settings, item));
			}
			more = Integer.valueOf(1).equals(page.getHasMore());
			if (page.getNextCursor() != null && !page.getNextCursor().isBlank()
					&& !state.advance(channel.id(), node, page.getNextCursor())) {
				throw new IllegalStateException("the lease on the channel passed to another node");
			}
		}
		while (more);
	}

	private WxCpKfMsgListResp page(ChannelInstance channel, WecomSettings settings, SyncState.Position at)
			throws WxErrorException {
		try {
			return clients.of(channel).getKfService().syncMsg(at.cursor(), at.callbackToken(), PAGE, null,
					settings.openKfid());
		}
		catch (WxErrorException e) {
			if (at.callbackToken() == null || e.getError().getErrorCode() != INVALID_CALLBACK_TOKEN) {
				throw e;
			}
			state.dropToken(channel.id());
			return clients.of(channel).getKfService().syncMsg(at.cursor(), null, PAGE, null, settings.openKfid());
		}
	}

	@Override
	public void destroy() {
		readers.shutdownNow();
	}
}
