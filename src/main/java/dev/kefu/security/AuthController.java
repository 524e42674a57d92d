package dev.kefu.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;

/** Staff login and logout. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final StaffMembers staff;
	private final StaffTokens tokens;
	private final LoginThrottle throttle;

	AuthController(StaffMembers staff, StaffTokens tokens, LoginThrottle throttle) {
		this.staff = staff;
		this.tokens = tokens;
		this.throttle = throttle;
	}

	record Login(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 128) String password) {
	}

	record Me(UUID id, UUID organizationId, String displayName, Set<Role> roles) {
	}

	record LoggedIn(String token, Instant expiresAt, Me user) {
	}

	@PostMapping("/login")
	LoggedIn login(@Valid @RequestBody Login login) {
		if (!throttle.allows(login.username())) {
			throw new RequestRejected("too-many-attempts", "too many failed logins; try again later",
					HttpStatus.TOO_MANY_REQUESTS);
		}
		StaffMember member = staff.authenticate(login.username(), login.password()).orElseThrow(() -> {
			throttle.failed(login.username());
			return new RequestRejected("bad-credentials", "wrong username or password", HttpStatus.UNAUTHORIZED);
		});
		throttle.succeeded(login.username());
		StaffTokens.IssuedToken token = tokens.issue(member);
		return new LoggedIn(token.token(), token.expiresAt(),
				new Me(member.id(), member.organizationId(), member.displayName(), member.roles()));
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
