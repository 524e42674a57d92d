package dev.kefu.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.Role;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StateConflict;

/** Staff accounts: credentials, roles, chat capacity and group membership. */
@Service
public class StaffMembers {

	/** The most chats one person can sensibly hold at once; guards against typos like 500. */
	public static final int MAX_CAPACITY = 50;

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final Groups groups;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final String dummyHash;
	private final Tenants tenants;

	StaffMembers(JdbcClient jdbc, PasswordEncoder passwords, Groups groups, ApplicationEventPublisher events,
			Clock clock, Tenants tenants) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.passwords = passwords;
		this.groups = groups;
		this.events = events;
		this.clock = clock;
		this.dummyHash = passwords.encode("timing-equaliser");
	}

	/** A new account or the profile fields of an existing one. */
	public record Profile(String displayName, @Nullable String email, Set<Role> roles, int maxChats, boolean enabled,
			List<UUID> groupIds) {
	}

	/**
	 * Usernames are unique within an organization only: a refusal for a name another organization uses would tell
	 * one tenant's admin about another tenant's staff.
	 */
	@Transactional
	public StaffMember create(UUID organizationId, String username, String password, Profile profile) {
		if (username == null || !username.matches("[A-Za-z0-9._@-]{2,100}")) {
			throw new RequestRejected("invalid-username", "username must be 2-100 letters, digits or . _ @ -");
		}
		requirePassword(password);
		validate(organizationId, profile);
		if (jdbc.sql("SELECT COUNT(*) FROM staff_member WHERE organization_id = ? AND username = ?")
			.params(organizationId, username)
			.query(Long.class)
			.single() > 0) {
			throw taken(username);
		}
		if (profile.enabled()) {
			tenants.requireSeat(organizationId);
		}
		UUID id = Ids.newId();
		insert(organizationId, id, username, password, profile);
		replaceGroups(id, profile.groupIds());
		return require(organizationId, id);
	}

	private static StateConflict taken(String username) {
		return new StateConflict("username-taken", "username " + username + " is taken in this organization");
	}

	private void insert(UUID organizationId, UUID id, String username, String password, Profile profile) {
		try {
			jdbc.sql("""
					INSERT INTO staff_member (id, organization_id, username, password_hash, display_name, email,
					                          roles, max_chats, enabled, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, organizationId, username, passwords.encode(password), profile.displayName().strip(),
						profile.email(), roles(profile.roles()), profile.maxChats(), profile.enabled(),
						SqlTime.of(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException concurrentSignUp) {
			throw taken(username);
		}
	}

	@Transactional
	public StaffMember update(UUID organizationId, UUID staffId, Profile profile) {
		StaffMember before = require(organizationId, staffId);
		validate(organizationId, profile);
		if (profile.enabled() && !before.enabled()) {
			tenants.requireSeat(organizationId);
		}
		jdbc.sql("""
				UPDATE staff_member SET display_name = ?, email = ?, roles = ?, max_chats = ?, enabled = ?
				WHERE id = ? AND organization_id = ?""")
			.params(profile.displayName().strip(), profile.email(), roles(profile.roles()), profile.maxChats(),
					profile.enabled(), staffId, organizationId)
			.update();
		replaceGroups(staffId, profile.groupIds());
		events.publishEvent(new StaffMemberChanged(organizationId, staffId));
		return require(organizationId, staffId);
	}

	@Transactional
	public void changePassword(UUID organizationId, UUID staffId, String password) {
		requirePassword(password);
		int updated = jdbc.sql("UPDATE staff_member SET password_hash = ? WHERE id = ? AND organization_id = ?")
			.params(passwords.encode(password), staffId, organizationId)
			.update();
		if (updated == 0) {
			throw new ResourceNotFound("staff member", staffId);
		}
		events.publishEvent(new StaffPasswordChanged(organizationId, staffId));
	}

	/**
	 * Checks a login; hashes even for unknown names so response time does not reveal which names exist. Usernames
	 * are unique per organization, so a name that two organizations use needs the organization's slug; without it
	 * the login is refused with {@code organization-required} (after the same hashing time as any other refusal).
	 * Hashing runs on its own bounded pool and may refuse with {@code login-busy}.
	 */
	public Optional<StaffMember> authenticate(@Nullable String organizationSlug, String username, String password) {
		List<Credentials> candidates = candidates(organizationSlug, username);
		if (candidates.size() != 1) {
			passwords.matches(password, dummyHash);
			if (candidates.size() > 1) {
				throw new RequestRejected("organization-required", "more than one organization has a user named "
						+ username + "; give your organization's short name (slug) too", HttpStatus.UNAUTHORIZED);
			}
			return Optional.empty();
		}
		Credentials c = candidates.getFirst();
		if (!passwords.matches(password, c.hash()) || !c.enabled()) {
			return Optional.empty();
		}
		return find(c.organizationId(), c.id());
	}

	/**
	 * The organizations where {@code username} (with the slug, if given) names somebody: where a failed login for it
	 * is recorded. None for a name nobody has.
	 */
	public List<UUID> organizationsKnowing(@Nullable String organizationSlug, String username) {
		return candidates(organizationSlug, username).stream().map(Credentials::organizationId).distinct().toList();
	}

	private record Credentials(UUID id, UUID organizationId, String hash, boolean enabled) {
	}

	private List<Credentials> candidates(@Nullable String organizationSlug, String username) {
		boolean anyOrganization = organizationSlug == null || organizationSlug.isBlank();
		var query = anyOrganization
				? jdbc.sql("SELECT id, organization_id, password_hash, enabled FROM staff_member WHERE username = ?"
						+ " FETCH FIRST 2 ROWS ONLY").param(username)
				: jdbc.sql("""
						SELECT s.id, s.organization_id, s.password_hash, s.enabled
						FROM staff_member s JOIN organization o ON o.id = s.organization_id
						WHERE s.username = ? AND o.slug = ?""").params(username, organizationSlug.strip());
		return query
			.query((rs, row) -> new Credentials(rs.getObject("id", UUID.class),
					rs.getObject("organization_id", UUID.class), rs.getString("password_hash"),
					rs.getBoolean("enabled")))
			.list();
	}

	public Optional<StaffMember> find(UUID organizationId, UUID staffId) {
		return jdbc.sql("SELECT * FROM staff_member WHERE id = ? AND organization_id = ?")
			.params(staffId, organizationId)
			.query(this::map)
			.optional();
	}

	/**
	 * The staff member a login name from an identity provider means: the one with that username, else the one with
	 * that e-mail address (both without regard to case), within the organization only.
	 */
	public Optional<StaffMember> findByLogin(UUID organizationId, String login) {
		return jdbc.sql("""
				SELECT * FROM staff_member WHERE organization_id = ? AND (LOWER(username) = LOWER(?) OR LOWER(email) = LOWER(?))
				ORDER BY CASE WHEN LOWER(username) = LOWER(?) THEN 0 ELSE 1 END, created_at FETCH FIRST 1 ROWS ONLY""")
			.params(organizationId, login, login, login)
			.query(this::map)
			.optional();
	}

	public StaffMember require(UUID organizationId, UUID staffId) {
		return find(organizationId, staffId).orElseThrow(() -> new ResourceNotFound("staff member", staffId));
	}

	public List<StaffMember> all(UUID organizationId) {
		return jdbc.sql("SELECT * FROM staff_member WHERE organization_id = ? ORDER BY display_name")
			.param(organizationId)
			.query(this::map)
			.list();
	}

	public List<StaffMember> membersOf(UUID organizationId, UUID groupId) {
		return jdbc.sql("""
				SELECT s.* FROM staff_member s JOIN group_member m ON m.staff_id = s.id
				WHERE m.group_id = ? AND s.organization_id = ? ORDER BY s.display_name""")
			.params(groupId, organizationId)
			.query(this::map)
			.list();
	}

	private void validate(UUID organizationId, Profile profile) {
		Groups.requireName(profile.displayName());
		// No preset role is allowed: such a person's access is their custom roles' grants.
		if (profile.roles() == null || profile.roles().stream().anyMatch(Objects::isNull)) {
			throw new RequestRejected("invalid-roles", "roles lists the preset roles (an empty list for none)");
		}
		if (profile.maxChats() < 0 || profile.maxChats() > MAX_CAPACITY) {
			throw new RequestRejected("invalid-capacity", "max chats must be 0 to " + MAX_CAPACITY);
		}
		if (profile.email() != null && !profile.email().isBlank() && !profile.email().matches("[^@\\s]+@[^@\\s]+")) {
			throw new RequestRejected("invalid-email", "not an e-mail address: " + profile.email());
		}
		if (profile.groupIds() == null) {
			throw new RequestRejected("invalid-groups", "groups must be a list of group ids");
		}
		profile.groupIds().forEach(groupId -> groups.require(organizationId, groupId));
	}

	private static void requirePassword(String password) {
		PasswordPolicy.require(password);
	}

	private void replaceGroups(UUID staffId, List<UUID> groupIds) {
		jdbc.sql("DELETE FROM group_member WHERE staff_id = ?").param(staffId).update();
		groupIds.stream()
			.distinct()
			.forEach(groupId -> jdbc.sql("INSERT INTO group_member (group_id, staff_id) VALUES (?, ?)")
				.params(groupId, staffId)
				.update());
	}

	private List<UUID> groupIdsOf(UUID staffId) {
		return jdbc.sql("SELECT group_id FROM group_member WHERE staff_id = ? ORDER BY group_id")
			.param(staffId)
			.query(UUID.class)
			.list();
	}

	private static String roles(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	private StaffMember map(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(rs.getString("roles").split(",")).filter(r -> !r.isBlank()).map(Role::valueOf).forEach(roles::add);
		UUID id = rs.getObject("id", UUID.class);
		return new StaffMember(id, rs.getObject("organization_id", UUID.class), rs.getString("username"),
				rs.getString("display_name"), rs.getString("email"), Set.copyOf(roles), rs.getInt("max_chats"),
				rs.getBoolean("enabled"), groupIdsOf(id));
	}
}
