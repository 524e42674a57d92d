package dev.kefu.channel.api;

import org.springframework.http.HttpStatus;

import dev.kefu.shared.DomainException;

/** A bridge's request did not carry a valid, fresh Standard Webhooks signature made with the channel's secret. */
class SignatureRejected extends DomainException {

	static final String MISSING = "missing-signature";
	static final String INVALID = "invalid-signature";
	static final String STALE = "stale-timestamp";

	SignatureRejected(String code, String message) {
		super(code, message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.UNAUTHORIZED;
	}
}
