package dev.kefu.security.sso;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.kefu.shared.Role;

/**
 * An organization's OpenID Connect provider as the admin console shows it: the client secret is never part of it,
 * only whether one is stored.
 *
 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} names everything else
 * @param usernameClaim the claim holding the staff member's login name, matched against usernames and e-mail
 * addresses ({@code email}, {@code preferred_username}, {@code upn})
 * @param groupsClaim the claim listing the person's groups or roles at the provider, read through {@code mappings}
 * @param createStaff whether a person the organization does not know yet becomes a staff member on first login
 * @param passwordLoginAdminsOnly whether only admins may still log in with a password (a way back in when the
 * provider is down)
 */
public record SsoSettings(boolean enabled, String issuerUri, String clientId, boolean clientSecretSet,
		List<String> scopes, String usernameClaim, @Nullable String groupsClaim, List<Mapping> mappings,
		boolean createStaff, boolean passwordLoginAdminsOnly) {

	/**
	 * A value of the groups claim and what it grants: a role, a business group, or both. The value {@code *} grants
	 * to everyone the provider lets in.
	 */
	public record Mapping(String value, @Nullable Role role, @Nullable UUID groupId) {
	}

	/** What an admin sends; a blank {@code clientSecret} keeps the stored one. */
	@Schema(name = "SsoSettingsChange", description = "A change to single sign-on; a blank clientSecret keeps the stored one")
	public record Change(@Nullable Boolean enabled, @Nullable String issuerUri, @Nullable String clientId,
			@Nullable String clientSecret, @Nullable List<String> scopes, @Nullable String usernameClaim,
			@Nullable String groupsClaim, @Nullable List<Mapping> mappings, @Nullable Boolean createStaff,
			@Nullable Boolean passwordLoginAdminsOnly) {
	}
}
