package dev.kefu.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.security.sso.SsoSettingsStore;
import dev.kefu.shared.RateLimited;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;

/** Staff login and logout. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final StaffMembers staff;
	private final StaffTokens tokens;
	private final LoginProtection protection;
	private final SsoSettingsStore sso;

	AuthController(StaffMembers staff, StaffTokens tokens, LoginProtection protection, SsoSettingsStore sso) {
		this.staff = staff;
		this.tokens = tokens;
		this.protection = protection;
		this.sso = sso;
	}

	/** {@code organization}: the organization's slug, needed only when two organizations have the username. */
	record Login(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 128) String password,
			@Nullable @Size(max = 64) String organization) {
	}

	record Me(UUID id, UUID organizationId, String displayName, Set<Role> roles) {
	}

	record LoggedIn(String token, Instant expiresAt, Me user) {
	}

	/**
	 * The source address is the connection's, or the one a trusted proxy forwarded when
	 * {@code server.forward-headers-strategy} says to believe it; a client's own X-Forwarded-For is never read here.
	 */
	@PostMapping("/login")
	LoggedIn login(@Valid @RequestBody Login login, HttpServletRequest request) {
		LoginProtection.Attempt attempt = LoginProtection.Attempt.of(login.username(), request.getRemoteAddr());
		Duration wait = protection.wait(attempt);
		if (wait.isPositive()) {
			throw new RateLimited("too-many-attempts",
					"too many failed logins; try again in " + (wait.toMillis() + 999) / 1000 + " s", wait);
		}
		Optional<StaffMember> member;
		try {
			member = staff.authenticate(login.organization(), login.username(), login.password());
		}
		catch (RequestRejected ambiguous) {
			if (ambiguous.code().equals("organization-required")) {
				protection.failed(attempt);
			}
			throw ambiguous;
		}
		if (member.isEmpty()) {
			protection.failed(attempt);
			throw new RequestRejected("bad-credentials", "wrong username or password", HttpStatus.UNAUTHORIZED);
		}
		protection.succeeded(attempt);
		if (!sso.allowsPasswordLogin(member.get())) {
			throw new RequestRejected("password-login-disabled",
					"your organization signs in with single sign-on; use \"Sign in with SSO\"", HttpStatus.FORBIDDEN);
		}
		StaffTokens.IssuedToken token = tokens.issue(member.get());
		return new LoggedIn(token.token(), token.expiresAt(), new Me(member.get().id(), member.get().organizationId(),
				member.get().displayName(), member.get().roles()));
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@RequestHeader("Authorization") String authorization) {
		tokens.revoke(authorization.substring("Bearer ".length()).strip());
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal StaffCaller caller) {
		return new Me(caller.userId(), caller.organizationId(), caller.displayName(), caller.roles());
	}
}
