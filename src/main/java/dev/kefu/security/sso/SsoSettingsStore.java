package dev.kefu.security.sso;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.organization.Groups;
import dev.kefu.organization.StaffMember;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Role;
import dev.kefu.shared.SqlTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Each organization's single sign-on settings; the client secret goes in and never comes out of the API. */
@Service
public class SsoSettingsStore {

	static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");

	private static final String NAME = "[A-Za-z0-9_:./-]{1,100}";

	private static final int MAX_MAPPINGS = 200;

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Groups groups;
	private final SsoTargets targets;
	private final Clock clock;

	SsoSettingsStore(JdbcClient jdbc, JsonMapper json, Groups groups, SsoTargets targets, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.groups = groups;
		this.targets = targets;
		this.clock = clock;
	}

	/** The settings with the secret, for the login itself; {@code updatedAt} tells a cached registration it is stale. */
	record Stored(UUID organizationId, SsoSettings settings, String clientSecret, Instant updatedAt) {
	}

	Optional<Stored> stored(UUID organizationId) {
		return jdbc.sql("SELECT * FROM sso_settings WHERE organization_id = ?")
			.param(organizationId)
			.query((rs, n) -> new Stored(organizationId,
					new SsoSettings(rs.getBoolean("enabled"), rs.getString("issuer_uri"), rs.getString("client_id"),
							!rs.getString("client_secret").isEmpty(), List.of(rs.getString("scopes").split(" ")),
							rs.getString("username_claim"), rs.getString("groups_claim"), mappings(rs.getString("mappings")),
							rs.getBoolean("create_staff"), rs.getBoolean("password_login_admins_only")),
					rs.getString("client_secret"), SqlTime.read(rs, "updated_at")))
			.optional();
	}

	/** What the admin console shows: the stored settings, or switched-off defaults. */
	public SsoSettings of(UUID organizationId) {
		return stored(organizationId).map(Stored::settings)
			.orElse(new SsoSettings(false, "", "", false, DEFAULT_SCOPES, "email", "groups", List.of(), false, false));
	}

	/**
	 * Whether this staff member may log in with a password: always, unless the organization signs in with its
	 * provider and keeps password login for admins only (their way back in when the provider is down).
	 */
	public boolean allowsPasswordLogin(StaffMember member) {
		return member.roles().contains(Role.ADMIN) || stored(member.organizationId()).map(Stored::settings)
			.map(s -> !(s.enabled() && s.passwordLoginAdminsOnly()))
			.orElse(true);
	}

	/** Validates and stores a change; fields left out keep their value. The answer never holds the secret. */
	@Transactional
	SsoSettings change(UUID organizationId, SsoSettings.Change change) {
		Optional<Stored> before = stored(organizationId);
		SsoSettings old = of(organizationId);
		String oldSecret = before.map(Stored::clientSecret).orElse("");
		boolean enabled = change.enabled() != null ? change.enabled() : old.enabled();
		String issuer = change.issuerUri() != null ? change.issuerUri().strip() : old.issuerUri();
		String clientId = change.clientId() != null ? change.clientId().strip() : old.clientId();
		String secret = change.clientSecret() != null && !change.clientSecret().isBlank() ? change.clientSecret().strip()
				: oldSecret;
		List<String> scopes = change.scopes() != null ? scopes(change.scopes()) : old.scopes();
		String usernameClaim = change.usernameClaim() != null ? claim(change.usernameClaim(), "username-claim")
				: old.usernameClaim();
		String groupsClaim = change.groupsClaim() != null
				? (change.groupsClaim().isBlank() ? null : claim(change.groupsClaim(), "groups-claim")) : old.groupsClaim();
		List<SsoSettings.Mapping> mappings = change.mappings() != null ? mappings(organizationId, change.mappings())
				: old.mappings();
		boolean createStaff = change.createStaff() != null ? change.createStaff() : old.createStaff();
		boolean adminsOnly = change.passwordLoginAdminsOnly() != null ? change.passwordLoginAdminsOnly()
				: old.passwordLoginAdminsOnly();
		if (!issuer.isEmpty() || enabled) {
			if (issuer.isEmpty()) {
				throw new RequestRejected("invalid-issuer", "the issuer URI is required to switch single sign-on on");
			}
			targets.check(issuer);
		}
		if (clientId.length() > 500 || (enabled && clientId.isEmpty())) {
			throw new RequestRejected("invalid-client-id", "the client id is required, at most 500 characters");
		}
		if (secret.length() > 2000 || (enabled && secret.isEmpty())) {
			throw new RequestRejected("invalid-client-secret", "the client secret is required, at most 2000 characters");
		}
		jdbc.sql("DELETE FROM sso_settings WHERE organization_id = ?").param(organizationId).update();
		jdbc.sql("""
				INSERT INTO sso_settings (organization_id, enabled, issuer_uri, client_id, client_secret, scopes,
				                          username_claim, groups_claim, mappings, create_staff, password_login_admins_only,
				                          updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(organizationId, enabled, issuer, clientId, secret, String.join(" ", scopes), usernameClaim,
					groupsClaim, json.writeValueAsString(mappings), createStaff, adminsOnly, SqlTime.of(clock.instant()))
			.update();
		return of(organizationId);
	}

	@Transactional
	void remove(UUID organizationId) {
		jdbc.sql("DELETE FROM sso_settings WHERE organization_id = ?").param(organizationId).update();
	}

	private static List<String> scopes(List<String> given) {
		Set<String> scopes = new LinkedHashSet<>();
		scopes.add("openid");
		for (String scope : given) {
			if (scope == null || !scope.strip().matches(NAME)) {
				throw new RequestRejected("invalid-scopes", "a scope is 1-100 letters, digits or _ : . / -: " + scope);
			}
			scopes.add(scope.strip());
		}
		if (scopes.size() > 20) {
			throw new RequestRejected("invalid-scopes", "at most 20 scopes");
		}
		return List.copyOf(scopes);
	}

	private static String claim(String claim, String code) {
		if (!claim.strip().matches(NAME)) {
			throw new RequestRejected("invalid-" + code, "a claim name is 1-100 letters, digits or _ : . / -");
		}
		return claim.strip();
	}

	private List<SsoSettings.Mapping> mappings(UUID organizationId, List<SsoSettings.Mapping> given) {
		if (given.size() > MAX_MAPPINGS) {
			throw new RequestRejected("invalid-mappings", "at most " + MAX_MAPPINGS + " mappings");
		}
		List<SsoSettings.Mapping> mappings = new ArrayList<>();
		for (SsoSettings.Mapping m : given) {
			if (m == null || m.value() == null || m.value().isBlank() || m.value().length() > 200) {
				throw new RequestRejected("invalid-mappings", "each mapping needs a claim value of 1-200 characters");
			}
			if (m.role() == null && m.groupId() == null) {
				throw new RequestRejected("invalid-mappings", "the mapping of " + m.value() + " grants neither a role nor a group");
			}
			if (m.groupId() != null) {
				groups.require(organizationId, m.groupId());
			}
			mappings.add(new SsoSettings.Mapping(m.value().strip(), m.role(), m.groupId()));
		}
		return List.copyOf(mappings);
	}

	private List<SsoSettings.Mapping> mappings(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return json.readValue(text, new TypeReference<List<SsoSettings.Mapping>>() {
		});
	}
}
