package dev.kefu.shared;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A signed-in staff member (admin, supervisor, agent, QA inspector), or one of the organization's API tokens acting
 * for it ({@link #apiToken()}: then {@link #userId()} is the token's id and the token's scopes, checked before any
 * controller runs, are what limits it). Every query a staff request runs is scoped to {@link #organizationId()}: that
 * is how one organization can never reach another's data.
 */
public record StaffCaller(UUID userId, UUID organizationId, String displayName, Set<Role> roles, boolean apiToken) {

	public StaffCaller(UUID userId, UUID organizationId, String displayName, Set<Role> roles) {
		this(userId, organizationId, displayName, roles, false);
	}

	/**
	 * An API token as a caller: every role, because the token's scopes decide what it may call (see the security
	 * module's scope table, which refuses tokens everything it does not name).
	 */
	public static StaffCaller forApiToken(UUID tokenId, UUID organizationId, String tokenName) {
		return new StaffCaller(tokenId, organizationId, "API token: " + tokenName, EnumSet.allOf(Role.class), true);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean supervises() {
		return has(Role.ADMIN) || has(Role.SUPERVISOR);
	}
}
