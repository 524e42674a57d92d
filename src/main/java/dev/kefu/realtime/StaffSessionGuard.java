package dev.kefu.realtime;

import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.security.StaffAccessChanged;
import dev.kefu.security.StaffTokens;

/**
 * Cuts off a staff member's live connections on every node as soon as their login ends or their account changes:
 * the node where it happened tells all nodes through the relay, and each checks its own sessions against the
 * database. If the relay was down meanwhile, every node checks all its sessions once it is back.
 */
@Component
class StaffSessionGuard {

	private static final String RECHECK = "recheck-staff:";

	private final LiveHub hub;

	StaffSessionGuard(LiveHub hub, Protocol protocol, StaffTokens tokens) {
		this.hub = hub;
		hub.onControl(message -> {
			if (message.startsWith(RECHECK)) {
				protocol.recheck(UUID.fromString(message.substring(RECHECK.length())));
			}
		}, () -> {
			tokens.forgetAll();
			protocol.recheckAll();
		});
	}

	@ApplicationModuleListener
	void on(StaffAccessChanged changed) {
		hub.publishControl(RECHECK + changed.staffId());
	}
}
