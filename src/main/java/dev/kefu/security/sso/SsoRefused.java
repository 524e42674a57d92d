package dev.kefu.security.sso;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A single sign-on the provider accepted and Kefu refuses; the code is what the login page explains. */
class SsoRefused extends OAuth2AuthenticationException {

	SsoRefused(String code, String message) {
		super(new OAuth2Error(code, message, null), message);
	}

	String code() {
		return getError().getErrorCode();
	}
}
