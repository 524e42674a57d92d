package dev.kefu.security;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.organization.StaffMemberChanged;
import dev.kefu.organization.StaffPasswordChanged;
import dev.kefu.organization.TenantSuspended;

/**
 * Keeps sessions in step with staff accounts, then says so with {@link StaffAccessChanged}: the live connections on
 * every node (and other nodes' token caches) act on that at once.
 */
@Component
class StaffAccountListeners {

	private final StaffTokens tokens;
	private final ApplicationEventPublisher events;

	StaffAccountListeners(StaffTokens tokens, ApplicationEventPublisher events) {
		this.tokens = tokens;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(StaffMemberChanged changed) {
		tokens.forget(changed.staffId());
		events.publishEvent(new StaffAccessChanged(changed.organizationId(), changed.staffId()));
	}

	@ApplicationModuleListener
	void on(StaffPasswordChanged changed) {
		tokens.revokeAll(changed.staffId());
		events.publishEvent(new StaffAccessChanged(changed.organizationId(), changed.staffId()));
	}

	/** A suspended organization's sessions end, and every live connection of its staff and tokens is closed. */
	@ApplicationModuleListener
	void on(TenantSuspended suspended) {
		for (UUID caller : tokens.revokeOrganization(suspended.organizationId())) {
			events.publishEvent(new StaffAccessChanged(suspended.organizationId(), caller));
		}
	}
}
