package dev.kefu.channel.wechat;

import org.springframework.http.HttpStatus;

import dev.kefu.shared.DomainException;

/** A callback did not prove it came from WeChat for this channel (signature, key or AppId): nothing was stored. */
class CallbackRejected extends DomainException {

	CallbackRejected(String message) {
		super("invalid-signature", message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.FORBIDDEN;
	}
}
