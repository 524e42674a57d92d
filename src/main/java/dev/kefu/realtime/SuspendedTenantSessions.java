package dev.kefu.realtime;

import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.organization.TenantSuspended;

/**
 * A suspended organization's open widgets are closed on every node; connecting again, they are refused (its visitor
 * tokens authenticate nothing while it is suspended). Its staff's connections are closed by {@link StaffSessionGuard},
 * since suspension ends their sessions.
 */
@Component
class SuspendedTenantSessions {

	private static final String CLOSE = "close-visitors-of:";

	private final LiveHub hub;

	SuspendedTenantSessions(LiveHub hub) {
		this.hub = hub;
		hub.onControl(message -> {
			if (message.startsWith(CLOSE)) {
				hub.close(LiveHub.visitorsOf(UUID.fromString(message.substring(CLOSE.length()))));
			}
		}, () -> {
		});
	}

	@ApplicationModuleListener
	void on(TenantSuspended suspended) {
		hub.publishControl(CLOSE + suspended.organizationId());
	}
}
