package dev.kefu.crm;

import org.springframework.stereotype.Component;

import dev.kefu.shared.OutboundTargets;

/** The SSRF guard for lookup URLs: private targets only with {@code kefu.crm.allow-private-targets}. */
@Component
class CrmTargets extends OutboundTargets {

	CrmTargets(CrmProperties properties) {
		super(properties.allowPrivateTargets());
	}
}
