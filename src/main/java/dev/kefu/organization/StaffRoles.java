package dev.kefu.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.Access;
import dev.kefu.shared.Ids;
import dev.kefu.shared.Permission;
import dev.kefu.shared.Reach;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

/**
 * Roles an admin defines, each a named set of {@link Permission}s, and their grants to staff for the organization, a
 * center or a group. What a person may do is their preset roles' access plus every grant's: {@link #accessOf}, worked
 * out when their token is resolved, so a change reaches them within the token cache's time, and at once on this node.
 */
@Service
public class StaffRoles {

	static final int MAX_ROLES = 100;
	static final int MAX_GRANTS = 50;
	static final int MAX_NAME = 80;
	static final int MAX_DESCRIPTION = 500;

	/** What a grant is for: everything, one center's groups, or one group. */
	public enum Scope {
		ORGANIZATION, CENTER, GROUP
	}

	/** A role an admin defined. */
	public record CustomRole(UUID id, String name, @Nullable String description, List<String> permissions,
			Instant updatedAt) {
	}

	/** One role granted to one person: {@code scopeId} is the center's or group's id, null for the organization. */
	public record Grant(UUID roleId, Scope scope, @Nullable UUID scopeId) {
	}

	private final JdbcClient jdbc;
	private final Groups groups;
	private final StaffMembers staff;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	StaffRoles(JdbcClient jdbc, Groups groups, StaffMembers staff, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.staff = staff;
		this.events = events;
		this.clock = clock;
	}

	/** Everything a staff member may do: their presets' permissions with their grants' on top. */
	public Access accessOf(StaffMember member) {
		Access access = Access.of(member.roles());
		List<Grant> grants = grants(member.organizationId(), member.id());
		if (grants.isEmpty()) {
			return access;
		}
		Map<UUID, CustomRole> roles = roles(member.organizationId()).stream()
			.collect(Collectors.toMap(CustomRole::id, Function.identity()));
		for (Grant grant : grants) {
			CustomRole role = roles.get(grant.roleId());
			if (role == null) {
				continue;
			}
			access = access.plus(accessFor(role, reachOf(member.organizationId(), grant)));
		}
		return access;
	}

	/**
	 * Refuses to let anyone hand out what they do not hold for the whole organization themselves: whoever keeps staff
	 * and roles (staff.manage) could otherwise make themselves, or a friend, an admin.
	 */
	public static void requireMayGrant(StaffCaller caller, Access granted) {
		for (var entry : granted.reaches().entrySet()) {
			if (entry.getValue().any() && !caller.reach(entry.getKey()).organization()) {
				throw new AccessDenied("you cannot grant " + entry.getKey().key()
						+ ": you do not hold it for the whole organization yourself");
			}
		}
	}

	/** The permissions of a list of keys, organization-wide: what granting them could give at most. */
	public static Access accessOfKeys(List<String> keys) {
		Access access = Access.NONE;
		for (String key : keys) {
			Permission p = Permission.of(key).orElse(null);
			if (p != null) {
				access = access.plus(p, Reach.ORGANIZATION);
			}
		}
		return access;
	}

	/** Whether the caller's permission reaches a group (an admin's, or a grant's, or their own groups'). */
	public boolean reaches(StaffCaller caller, Permission permission, @Nullable UUID groupId) {
		Reach reach = caller.reach(permission);
		if (reach.organization() || !reach.any()) {
			return reach.organization();
		}
		return reach.covers(groupId, ownGroups(caller, reach));
	}

	/** The groups the caller's permission reaches, or null for all of them. */
	public @Nullable Set<UUID> groupsReached(StaffCaller caller, Permission permission) {
		Reach reach = caller.reach(permission);
		if (reach.organization()) {
			return null;
		}
		return reach.groupsGiven(ownGroups(caller, reach));
	}

	/** The caller's own groups, read only when the reach follows them. */
	private List<UUID> ownGroups(StaffCaller caller, Reach reach) {
		return reach.memberGroups() ? staff.require(caller.organizationId(), caller.userId()).groupIds() : List.of();
	}

	private static Access accessFor(CustomRole role, Reach reach) {
		Access access = Access.NONE;
		for (String key : role.permissions()) {
			Permission p = Permission.of(key).orElse(null);
			if (p != null) {
				access = access.plus(p, p.scoped() ? reach : Reach.ORGANIZATION);
			}
		}
		return access;
	}

	private Reach reachOf(UUID organizationId, Grant grant) {
		return switch (grant.scope()) {
			case ORGANIZATION -> Reach.ORGANIZATION;
			case GROUP -> Reach.groups(List.of(grant.scopeId()));
			case CENTER -> Reach.groups(groups.all(organizationId)
				.stream()
				.filter(g -> g.centerId().equals(grant.scopeId()))
				.map(BusinessGroup::id)
				.toList());
		};
	}

	public List<CustomRole> roles(UUID organizationId) {
		return jdbc.sql("SELECT * FROM staff_role WHERE organization_id = ? ORDER BY name")
			.param(organizationId)
			.query(StaffRoles::map)
			.list();
	}

	public CustomRole require(UUID organizationId, UUID roleId) {
		return roles(organizationId).stream()
			.filter(r -> r.id().equals(roleId))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFound("role", roleId));
	}

	@Transactional
	public CustomRole create(UUID organizationId, String name, @Nullable String description, List<String> permissions) {
		if (roles(organizationId).size() >= MAX_ROLES) {
			throw new RequestRejected("too-many-roles", "an organization may define at most " + MAX_ROLES + " roles");
		}
		UUID id = Ids.newId();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					INSERT INTO staff_role (id, organization_id, name, description, permissions, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, organizationId, name(name), description(description), String.join(",",
						permissions(permissions)), SqlTime.of(now), SqlTime.of(now))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new StateConflict("role-exists", "a role named " + name.strip() + " exists");
		}
		return require(organizationId, id);
	}

	@Transactional
	public CustomRole update(UUID organizationId, UUID roleId, String name, @Nullable String description,
			List<String> permissions) {
		require(organizationId, roleId);
		try {
			jdbc.sql("""
					UPDATE staff_role SET name = ?, description = ?, permissions = ?, updated_at = ?
					WHERE id = ? AND organization_id = ?""")
				.params(name(name), description(description), String.join(",", permissions(permissions)),
						SqlTime.of(clock.instant()), roleId, organizationId)
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new StateConflict("role-exists", "a role named " + name.strip() + " exists");
		}
		holdersOf(roleId).forEach(id -> events.publishEvent(new StaffMemberChanged(organizationId, id)));
		return require(organizationId, roleId);
	}

	@Transactional
	public void delete(UUID organizationId, UUID roleId) {
		require(organizationId, roleId);
		List<UUID> holders = holdersOf(roleId);
		jdbc.sql("DELETE FROM staff_role_grant WHERE role_id = ?").param(roleId).update();
		jdbc.sql("DELETE FROM staff_role WHERE id = ? AND organization_id = ?").params(roleId, organizationId).update();
		holders.forEach(id -> events.publishEvent(new StaffMemberChanged(organizationId, id)));
	}

	public List<Grant> grants(UUID organizationId, UUID staffId) {
		return jdbc.sql("""
				SELECT role_id, scope, scope_id FROM staff_role_grant
				WHERE organization_id = ? AND staff_id = ? ORDER BY role_id, scope, scope_id""")
			.params(organizationId, staffId)
			.query((rs, row) -> {
				Scope scope = Scope.valueOf(rs.getString("scope"));
				return new Grant(rs.getObject("role_id", UUID.class), scope,
						scope == Scope.ORGANIZATION ? null : rs.getObject("scope_id", UUID.class));
			})
			.list();
	}

	/** Replaces every grant of one person; each names a role, center and group of the organization. */
	@Transactional
	public List<Grant> replaceGrants(UUID organizationId, UUID staffId, List<Grant> grants) {
		staff.require(organizationId, staffId);
		if (grants.size() > MAX_GRANTS) {
			throw new RequestRejected("too-many-grants", "a person may hold at most " + MAX_GRANTS + " grants");
		}
		Set<Grant> checked = new LinkedHashSet<>();
		for (Grant grant : grants) {
			checked.add(checked(organizationId, grant));
		}
		jdbc.sql("DELETE FROM staff_role_grant WHERE organization_id = ? AND staff_id = ?")
			.params(organizationId, staffId)
			.update();
		for (Grant grant : checked) {
			jdbc.sql("""
					INSERT INTO staff_role_grant (staff_id, role_id, organization_id, scope, scope_id)
					VALUES (?, ?, ?, ?, ?)""")
				.params(staffId, grant.roleId(), organizationId, grant.scope().name(),
						grant.scope() == Scope.ORGANIZATION ? organizationId : grant.scopeId())
				.update();
		}
		events.publishEvent(new StaffMemberChanged(organizationId, staffId));
		return grants(organizationId, staffId);
	}

	private Grant checked(UUID organizationId, @Nullable Grant grant) {
		if (grant == null || grant.roleId() == null || grant.scope() == null) {
			throw new RequestRejected("invalid-grant", "a grant names a roleId and a scope");
		}
		require(organizationId, grant.roleId());
		switch (grant.scope()) {
			case ORGANIZATION -> {
				return new Grant(grant.roleId(), Scope.ORGANIZATION, null);
			}
			case CENTER -> {
				if (grant.scopeId() == null) {
					throw new RequestRejected("invalid-grant", "a grant on a center names the center as scopeId");
				}
				groups.requireCenter(organizationId, grant.scopeId());
			}
			case GROUP -> {
				if (grant.scopeId() == null) {
					throw new RequestRejected("invalid-grant", "a grant on a group names the group as scopeId");
				}
				groups.require(organizationId, grant.scopeId());
			}
		}
		return grant;
	}

	private List<UUID> holdersOf(UUID roleId) {
		return jdbc.sql("SELECT DISTINCT staff_id FROM staff_role_grant WHERE role_id = ?")
			.param(roleId)
			.query(UUID.class)
			.list();
	}

	private static String name(@Nullable String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > MAX_NAME) {
			throw new RequestRejected("invalid-name", "a role's name has 1 to " + MAX_NAME + " characters");
		}
		return clean;
	}

	private static @Nullable String description(@Nullable String description) {
		String clean = description == null ? null : description.strip();
		if (clean != null && clean.length() > MAX_DESCRIPTION) {
			throw new RequestRejected("invalid-description",
					"a role's description has at most " + MAX_DESCRIPTION + " characters");
		}
		return clean == null || clean.isEmpty() ? null : clean;
	}

	/** The permissions' keys, known and each once, in the catalogue's order. */
	private static List<String> permissions(@Nullable List<String> keys) {
		if (keys == null) {
			throw new RequestRejected("invalid-permissions", "a role lists its permissions");
		}
		Set<Permission> known = new LinkedHashSet<>();
		for (String key : keys) {
			known.add(Permission.of(key)
				.orElseThrow(() -> new RequestRejected("unknown-permission",
						"no permission named " + abbreviated(key) + "; GET /api/v1/admin/roles lists them")));
		}
		return Arrays.stream(Permission.values()).filter(known::contains).map(Permission::key).toList();
	}

	private static String abbreviated(@Nullable String key) {
		String k = String.valueOf(key);
		return k.length() > 40 ? k.substring(0, 40) + "…" : k;
	}

	private static CustomRole map(ResultSet rs, int row) throws SQLException {
		List<String> permissions = new ArrayList<>();
		for (String key : rs.getString("permissions").split(",")) {
			if (!key.isBlank()) {
				permissions.add(key.toLowerCase(Locale.ROOT));
			}
		}
		return new CustomRole(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				List.copyOf(permissions), SqlTime.read(rs, "updated_at"));
	}
}
