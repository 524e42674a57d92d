package dev.kefu.contact;

import org.springframework.http.HttpStatus;

import dev.kefu.shared.DomainException;

/**
 * The host site's signature for a customer did not hold: forged, expired, for another organization, or missing where
 * one is required. Answered 401 so the widget knows to ask its page for a fresh signature.
 */
class IdentityRejected extends DomainException {

	static final String INVALID = "invalid-identity";
	static final String EXPIRED = "identity-expired";
	static final String REQUIRED = "identity-required";

	IdentityRejected(String code, String message) {
		super(code, message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.UNAUTHORIZED;
	}
}
