package dev.kefu.channel.wecom;

import org.springframework.http.HttpStatus;

import dev.kefu.shared.RequestRejected;

/** A callback that is not WeCom's for this channel (bad signature, wrong key or corp id): 403, nothing stored. */
class CallbackRejected extends RequestRejected {

	CallbackRejected(String why) {
		super("invalid-signature", why, HttpStatus.FORBIDDEN);
	}
}
