package dev.kefu.security;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.organization.StaffMemberChanged;
import dev.kefu.organization.StaffPasswordChanged;

/**
 * Keeps sessions in step with staff accounts. Other nodes' caches still honour a stale lookup for up to
 * {@code StaffTokens.CACHE_TIME}; this node stops at once.
 */
@Component
class StaffAccountListeners {

	private final StaffTokens tokens;

	StaffAccountListeners(StaffTokens tokens) {
		this.tokens = tokens;
	}

	@ApplicationModuleListener
	void on(StaffMemberChanged changed) {
		tokens.forget(changed.staffId());
	}

	@ApplicationModuleListener
	void on(StaffPasswordChanged changed) {
		tokens.revokeAll(changed.staffId());
	}
}
