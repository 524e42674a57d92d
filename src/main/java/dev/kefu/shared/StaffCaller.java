package dev.kefu.shared;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A signed-in staff member (admin, supervisor, agent, QA inspector, or anyone holding a custom role), or one of the
 * organization's API tokens acting for it ({@link #apiToken()}: then {@link #userId()} is the token's id and the
 * token's scopes, checked before any controller runs, are what limits it). Every query a staff request runs is scoped
 * to {@link #organizationId()}: that is how one organization can never reach another's data. {@link #access()} is
 * what they may do inside it: their preset roles' permissions and their custom grants'.
 */
public record StaffCaller(UUID userId, UUID organizationId, String displayName, Set<Role> roles, Access access,
		boolean apiToken) {

	/** A person holding preset roles only (the organization's own jobs, the demo, tests). */
	public StaffCaller(UUID userId, UUID organizationId, String displayName, Set<Role> roles) {
		this(userId, organizationId, displayName, roles, Access.of(roles), false);
	}

	/**
	 * An API token as a caller: every permission, because the token's scopes decide what it may call (see the
	 * security module's scope table, which refuses tokens everything it does not name).
	 */
	public static StaffCaller forApiToken(UUID tokenId, UUID organizationId, String tokenName) {
		return new StaffCaller(tokenId, organizationId, "API token: " + tokenName, EnumSet.allOf(Role.class),
				Access.everything(), true);
	}

	/** Whether they hold this preset role; for what a role says about a person, never for what they may do. */
	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean may(Permission permission) {
		return access.has(permission);
	}

	public Reach reach(Permission permission) {
		return access.reach(permission);
	}

	/** Refuses unless they hold the permission (anywhere: a service narrows by reach where a group is involved). */
	public void require(Permission permission) {
		if (!may(permission)) {
			throw new PermissionMissing(permission);
		}
	}
}
