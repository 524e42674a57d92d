package dev.kefu.channel;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.kefu.shared.DomainException;

/** The channel a customer writes through is switched off by the organization's admin. */
class ChannelDisabled extends DomainException {

	ChannelDisabled(UUID channelId) {
		super("channel-disabled", "channel " + channelId + " is disabled");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}
}
