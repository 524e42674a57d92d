package dev.kefu.shared;

import java.util.Set;
import java.util.UUID;

/**
 * A signed-in staff member (admin, supervisor, agent, QA inspector). Every query a staff request runs is scoped to
 * {@link #organizationId()}: that is how one organization can never reach another's data.
 */
public record StaffCaller(UUID userId, UUID organizationId, String displayName, Set<Role> roles) {

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean supervises() {
		return has(Role.ADMIN) || has(Role.SUPERVISOR);
	}
}
