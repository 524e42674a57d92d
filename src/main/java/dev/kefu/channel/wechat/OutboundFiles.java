package dev.kefu.channel.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.Outbound;
import dev.kefu.conversation.AttachmentRef;
import dev.kefu.conversation.Attachments;
import dev.kefu.conversation.Message;
import dev.kefu.conversation.Messages;

/** The files of a message to a follower, read through the conversation module's public API. */
@Component
class OutboundFiles {

	/** WeChat's limit for an image sent as temporary media. */
	static final int MAX_IMAGE = 10 * 1024 * 1024;

	private final Messages messages;
	private final Attachments attachments;

	OutboundFiles(Messages messages, Attachments attachments) {
		this.messages = messages;
		this.attachments = attachments;
	}

	record File(String name, String contentType, byte[] content) {
	}

	List<File> of(ChannelInstance channel, Outbound.Message message) throws IOException {
		if (message.attachments() == 0) {
			return List.of();
		}
		List<File> files = new ArrayList<>();
		for (Message stored : messages.after(channel.organizationId(), message.conversationId(), message.seq() - 1, 1)) {
			for (AttachmentRef ref : stored.attachments()) {
				Attachments.Download download = attachments.open(channel.organizationId(), ref.id());
				try (InputStream content = download.content()) {
					files.add(new File(download.fileName(), download.contentType(), content.readNBytes(MAX_IMAGE + 1)));
				}
			}
		}
		return files;
	}
}
