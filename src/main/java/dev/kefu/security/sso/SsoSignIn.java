package dev.kefu.security.sso;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.audit.AuditLog;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.organization.Tenants;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

/**
 * Turns a person the organization's provider vouched for into a Kefu staff member: found by the username claim
 * (against usernames, then e-mail addresses), created on first login when the organization allows it, and given the
 * roles and groups its mappings grant for the groups claim. The provider is the source of truth: when a groups claim
 * is configured, every login sets roles and groups to what the mappings give, replacing changes made in Kefu.
 * A disabled staff member stays out.
 */
@Service
class SsoSignIn {

	private static final String USERNAME = "[A-Za-z0-9._@-]{2,100}";

	private final StaffMembers staff;
	private final SsoSettingsStore settings;
	private final AuditLog audit;
	private final Tenants tenants;
	private final SecureRandom random = new SecureRandom();

	SsoSignIn(StaffMembers staff, SsoSettingsStore settings, AuditLog audit, Tenants tenants) {
		this.tenants = tenants;
		this.staff = staff;
		this.settings = settings;
		this.audit = audit;
	}

	/** What the mappings grant for the values of the groups claim. */
	record Grants(Set<Role> roles, List<UUID> groupIds) {

		static Grants of(List<SsoSettings.Mapping> mappings, Collection<String> values) {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			Set<UUID> groups = new LinkedHashSet<>();
			for (SsoSettings.Mapping m : mappings) {
				if (m.value().equals("*") || values.contains(m.value())) {
					if (m.role() != null) {
						roles.add(m.role());
					}
					if (m.groupId() != null) {
						groups.add(m.groupId());
					}
				}
			}
			return new Grants(roles, List.copyOf(groups));
		}
	}

	@Transactional
	StaffMember signIn(UUID organizationId, Map<String, Object> claims, @Nullable String sourceAddress) {
		if (!tenants.active(organizationId)) {
			throw new SsoRefused("organization-suspended", "this organization is suspended");
		}
		SsoSettings s = settings.stored(organizationId)
			.map(SsoSettingsStore.Stored::settings)
			.filter(SsoSettings::enabled)
			.orElseThrow(() -> new SsoRefused("sso-not-configured", "single sign-on is off for this organization"));
		String login = text(claims.get(s.usernameClaim()));
		if (login == null || login.isBlank()) {
			throw new SsoRefused("username-claim-missing",
					"the provider's token has no " + s.usernameClaim() + " claim to name the staff member by");
		}
		login = login.strip();
		Grants grants = Grants.of(s.mappings(), s.groupsClaim() == null ? List.of() : values(claims.get(s.groupsClaim())));
		Optional<StaffMember> known = staff.findByLogin(organizationId, login);
		StaffMember member;
		if (known.isPresent()) {
			member = known.get();
			if (!member.enabled()) {
				throw new SsoRefused("staff-disabled", "this staff member is disabled");
			}
			if (s.groupsClaim() != null) {
				if (grants.roles().isEmpty()) {
					throw new SsoRefused("no-role", "none of the provider's groups maps to a Kefu role");
				}
				if (!member.roles().equals(grants.roles()) || !Set.copyOf(member.groupIds()).equals(Set.copyOf(grants.groupIds()))) {
					member = staff.update(organizationId, member.id(), new StaffMembers.Profile(member.displayName(),
							member.email(), grants.roles(), member.maxChats(), true, grants.groupIds()));
					audit.record(caller(member), "staff.changed", "staff:" + member.id(),
							"roles " + sorted(member.roles()) + " and groups set by single sign-on", sourceAddress);
				}
			}
		}
		else {
			if (!s.createStaff()) {
				throw new SsoRefused("staff-unknown", "no staff member " + login + " in this organization");
			}
			if (grants.roles().isEmpty()) {
				throw new SsoRefused("no-role", "none of the provider's groups maps to a Kefu role");
			}
			if (!login.matches(USERNAME)) {
				throw new SsoRefused("invalid-username-claim",
						"the " + s.usernameClaim() + " claim is not usable as a username (2-100 letters, digits or . _ @ -)");
			}
			String name = Optional.ofNullable(text(claims.get("name"))).filter(n -> !n.isBlank()).orElse(login);
			String email = Optional.ofNullable(text(claims.get("email"))).filter(e -> e.matches("[^@\\s]+@[^@\\s]+"))
				.orElse(null);
			try {
				member = staff.create(organizationId, login, unusablePassword(), new StaffMembers.Profile(
						name.length() > 100 ? name.substring(0, 100) : name, email, grants.roles(), 5, true,
						grants.groupIds()));
			}
			catch (StateConflict full) {
				if (full.code().equals("seat-limit-reached")) {
					throw new SsoRefused(full.code(), full.getMessage());
				}
				throw full;
			}
			audit.record(caller(member), "staff.created", "staff:" + member.id(),
					member.username() + " by single sign-on, roles " + sorted(member.roles()), sourceAddress);
		}
		audit.record(caller(member), "auth.login", "staff:" + member.id(), "method=sso", sourceAddress);
		return member;
	}

	/**
	 * Audits a refused sign-in of a known staff member (disabled, or no role any more); a refusal of someone the
	 * organization does not know has nobody to be recorded against.
	 */
	@Transactional
	void refused(UUID organizationId, Map<String, Object> claims, String code, @Nullable String sourceAddress) {
		settings.stored(organizationId)
			.map(stored -> text(claims.get(stored.settings().usernameClaim())))
			.filter(login -> !login.isBlank())
			.flatMap(login -> staff.findByLogin(organizationId, login.strip()))
			.ifPresent(member -> audit.record(caller(member), "auth.login-failed", "staff:" + member.id(),
					"method=sso, " + code, sourceAddress));
	}

	/** Nobody knows it: the account signs in through its provider (an admin may set a password later). */
	private String unusablePassword() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return "sso-" + HexFormat.of().formatHex(bytes);
	}

	private static StaffCaller caller(StaffMember m) {
		return new StaffCaller(m.id(), m.organizationId(), m.displayName(), m.roles());
	}

	private static List<String> sorted(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().toList();
	}

	private static @Nullable String text(@Nullable Object claim) {
		return claim == null ? null : claim.toString();
	}

	/** A groups claim is a list (Keycloak, Okta, Azure AD) or, with some providers, one string. */
	static List<String> values(@Nullable Object claim) {
		List<String> values = new ArrayList<>();
		if (claim instanceof Collection<?> list) {
			list.stream().filter(Objects::nonNull).map(Object::toString).forEach(values::add);
		}
		else if (claim != null) {
			values.add(claim.toString());
		}
		return values;
	}
}
