package dev.kefu.channel.callback;

import org.springframework.http.HttpStatus;

import dev.kefu.shared.RequestRejected;

/**
 * A callback did not prove it came from WeChat or WeCom for this channel (signature, key, AppId or corp ID):
 * {@code 403 invalid-signature}, and nothing was stored.
 */
public class CallbackRejected extends RequestRejected {

	public CallbackRejected(String why) {
		super("invalid-signature", why, HttpStatus.FORBIDDEN);
	}
}
