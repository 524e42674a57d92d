package dev.kefu.channel;

import org.springframework.http.HttpStatus;

import dev.kefu.shared.RequestRejected;

/**
 * Nobody can take a chat now (the group is closed, nobody is online, the queue is full), so the customer's message was
 * not stored: a bridge is told to send it again later; e-mail and WeChat leave it as a message instead.
 */
public class NobodyAvailable extends RequestRejected {

	private final String reason;

	NobodyAvailable(String reason) {
		super(reason.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
				"nobody can take a chat now (" + reason + "); nothing was stored, send it again later",
				HttpStatus.SERVICE_UNAVAILABLE);
		this.reason = reason;
	}

	/** Why, as routing says it: OFFLINE, CLOSED, QUEUE_FULL... */
	public String reason() {
		return reason;
	}
}
