package dev.kefu.security.sso;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.kefu.shared.OutboundTargets;

/**
 * The SSRF guard for identity providers: Kefu fetches an issuer's discovery document, keys and tokens itself, so an
 * admin must not point it at the server's own networks unless {@code kefu.security.sso.allow-private-issuers} says so
 * (a provider on the intranet, or the tests' provider on loopback).
 */
@Component
class SsoTargets extends OutboundTargets {

	SsoTargets(@Value("${kefu.security.sso.allow-private-issuers:false}") boolean allowPrivate) {
		super(allowPrivate);
	}
}
