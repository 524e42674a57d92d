package dev.kefu.webhook;

import org.springframework.stereotype.Component;

import dev.kefu.shared.OutboundTargets;

/** The SSRF guard for webhook endpoints: private targets only with {@code kefu.webhooks.allow-private-targets}. */
@Component
class Targets extends OutboundTargets {

	Targets(WebhookProperties properties) {
		super(properties.allowPrivateTargets());
	}
}
