package dev.kefu.channel;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.kefu.routing.Intake;

/**
 * The one way a customer's request for a chat enters Kefu, whatever the channel: routing's intake, with the
 * conversation marked with the channel's provider (what reports split by) and instance (where replies go out).
 */
@Service
public class ChannelInbound {

	private final Intake intake;

	ChannelInbound(Intake intake) {
		this.intake = intake;
	}

	/** The customer's open conversation, or a new one in the group (the default group when null), or why none. */
	public Intake.Started start(ChannelInstance channel, UUID contactId, @Nullable UUID groupId) {
		if (!channel.enabled()) {
			throw new ChannelDisabled(channel.id());
		}
		return intake.start(channel.organizationId(), contactId, groupId, channel.provider(), channel.id());
	}
}
