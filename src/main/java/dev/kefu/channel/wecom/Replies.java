package dev.kefu.channel.wecom;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.CustomerMessages;
import dev.kefu.channel.DeliveryFailed;
import dev.kefu.channel.Outbound;
import dev.kefu.conversation.AttachmentRef;
import dev.kefu.conversation.Attachments;
import dev.kefu.conversation.Messages;
import me.chanjar.weixin.common.bean.result.WxMediaUploadResult;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpKfService;
import me.chanjar.weixin.cp.bean.kf.WxCpKfMsgSendRequest;
import me.chanjar.weixin.cp.bean.kf.WxCpKfServiceStateResp;
import me.chanjar.weixin.cp.bean.kf.msg.WxCpKfResourceMsg;
import me.chanjar.weixin.cp.bean.kf.msg.WxCpKfTextMsg;

/**
 * What goes to a WeCom customer, from the send queue: messages with kf/send_msg (or, within 20 seconds of the
 * customer opening the window, kf/send_msg_on_event with their welcome code), and the chat's state as WeCom's
 * session state (kf/service_state). Kefu's agents are no WeCom servicers, so while Kefu serves a chat WeCom sees
 * it as served by the API (state 1, 智能助手): the only state in which WeCom lets the API write to the customer.
 */
@Component
class Replies {

	/** WeCom's session states (kf/service_state). */
	static final int UNHANDLED = 0;
	static final int BY_API = 1;
	static final int ENDED = 4;

	/**
	 * WeCom errors no retry fixes: 95001, the customer must write again before more messages may go (at most 5
	 * messages per customer message, within 48 hours); 95018, the session is in a state the API may not write in
	 * (ended, or taken by a WeCom servicer).
	 */
	private static final Set<Integer> FINAL = Set.of(95001, 95018);

	/** What WeCom shows as a picture (kf/send_msg image: JPG and PNG); other files go as files. */
	private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png");

	private final CustomerMessages customers;
	private final WecomClients clients;
	private final Welcomes welcomes;
	private final Messages messages;
	private final Attachments attachments;

	Replies(CustomerMessages customers, WecomClients clients, Welcomes welcomes, Messages messages,
			Attachments attachments) {
		this.customers = customers;
		this.clients = clients;
		this.welcomes = welcomes;
		this.messages = messages;
		this.attachments = attachments;
	}

	@Nullable
	String deliver(ChannelInstance channel, Outbound outbound) throws WxErrorException, IOException {
		WecomSettings settings = WecomSettings.of(channel);
		String customer = customers.externalCustomerId(channel, outbound.contactId())
			.orElseThrow(() -> DeliveryFailed.permanent("the customer did not write through this WeCom channel"));
		WxCpKfService kf = clients.of(channel).getKfService();
		try {
			return switch (outbound) {
				case Outbound.Message message -> message(channel, settings, kf, customer, message);
				case Outbound.StateChanged change -> {
					session(settings, kf, customer, change.change());
					yield null;
				}
			};
		}
		catch (WxErrorException e) {
			int code = e.getError().getErrorCode();
			if (FINAL.contains(code)) {
				throw DeliveryFailed.permanent(reason(code, e.getError().getErrorMsg()));
			}
			throw e;
		}
	}

	/** The text, then each file (images as images, others as files); WeCom's msgid of the first that went. */
	private @Nullable String message(ChannelInstance channel, WecomSettings settings, WxCpKfService kf,
			String customer, Outbound.Message message) throws WxErrorException, IOException {
		String first = null;
		if (!message.text().isBlank()) {
			WxCpKfMsgSendRequest request = new WxCpKfMsgSendRequest();
			// Our message id as WeCom's msgid: a resend after a crash is the same message to WeCom.
			request.setMsgId(msgId(message.messageId()));
			request.setMsgType("text");
			WxCpKfTextMsg text = new WxCpKfTextMsg();
			text.setContent(message.text());
			request.setText(text);
			first = send(channel, settings, kf, customer, request);
		}
		if (message.attachments() > 0) {
			List<AttachmentRef> files = messages.after(channel.organizationId(), message.conversationId(),
					message.seq() - 1, 1)
				.stream()
				.filter(m -> m.id().equals(message.messageId()))
				.findFirst()
				.map(dev.kefu.conversation.Message::attachments)
				.orElse(List.of());
			for (int i = 0; i < files.size(); i++) {
				String sent = file(channel, settings, kf, customer, files.get(i),
						msgId(message.messageId()).substring(0, 28) + "f" + "%03d".formatted(i));
				first = first == null ? sent : first;
			}
		}
		return first;
	}

	/** A file goes up as WeCom media (3 days), then out as an image or a file message. */
	private String file(ChannelInstance channel, WecomSettings settings, WxCpKfService kf, String customer,
			AttachmentRef ref, String msgId) throws WxErrorException, IOException {
		String kind = IMAGES.contains(ref.contentType()) ? "image" : "file";
		String extension = ref.name().contains(".") ? ref.name().substring(ref.name().lastIndexOf('.') + 1) : "bin";
		WxMediaUploadResult uploaded;
		try (InputStream content = attachments.open(channel.organizationId(), ref.id()).content()) {
			uploaded = clients.of(channel).getMediaService().upload(kind, extension, content);
		}
		WxCpKfMsgSendRequest request = new WxCpKfMsgSendRequest();
		request.setMsgId(msgId);
		request.setMsgType(kind);
		WxCpKfResourceMsg media = new WxCpKfResourceMsg();
		media.setMediaId(uploaded.getMediaId());
		if (kind.equals("image")) {
			request.setImage(media);
		}
		else {
			request.setFile(media);
		}
		return send(channel, settings, kf, customer, request);
	}

	private String send(ChannelInstance channel, WecomSettings settings, WxCpKfService kf, String customer,
			WxCpKfMsgSendRequest request) throws WxErrorException {
		var welcome = welcomes.take(channel.id(), customer);
		if (welcome.isPresent()) {
			request.setCode(welcome.get());
			return kf.sendMsgOnEvent(request).getMsgId();
		}
		request.setToUser(customer);
		request.setOpenKfid(settings.openKfid());
		return kf.sendMsg(request).getMsgId();
	}

	/**
	 * A chat Kefu serves is served by the API in WeCom (from "unhandled" on); a closed chat ends WeCom's session.
	 * A session a WeCom servicer took is left to them.
	 */
	private void session(WecomSettings settings, WxCpKfService kf, String customer, String change)
			throws WxErrorException {
		WxCpKfServiceStateResp now = kf.getServiceState(settings.openKfid(), customer);
		int state = now.getServiceState() == null ? UNHANDLED : now.getServiceState();
		if ("closed".equals(change)) {
			if (state != ENDED) {
				kf.transServiceState(settings.openKfid(), customer, ENDED, null);
			}
		}
		else if (state == UNHANDLED) {
			kf.transServiceState(settings.openKfid(), customer, BY_API, null);
		}
	}

	static String msgId(UUID messageId) {
		return messageId.toString().replace("-", "");
	}

	private static String reason(int code, String message) {
		return switch (code) {
			case 95001 -> "WeCom allows no more messages until the customer writes again (at most 5 per customer "
					+ "message, within 48 hours): " + code + " " + message;
			case 95018 -> "WeCom's session does not accept messages from Kefu now (it has ended, or a WeCom servicer "
					+ "took it): " + code + " " + message;
			default -> code + " " + message;
		};
	}
}
