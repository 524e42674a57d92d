package dev.kefu.contact;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.kefu.shared.OutboundTargets;

/**
 * The SSRF guard for organizations' JWKS URLs: Kefu fetches them itself, so an admin must not be able to point one at
 * the server's own networks unless {@code kefu.identity.allow-private-jwks} says so (an intranet identity provider).
 */
@Component
class JwksTargets extends OutboundTargets {

	JwksTargets(@Value("${kefu.identity.allow-private-jwks:false}") boolean allowPrivate) {
		super(allowPrivate);
	}
}
