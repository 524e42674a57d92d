package dev.kefu.security;

import dev.kefu.audit.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import dev.kefu.security.SignInChallenges.Challenge;
import dev.kefu.security.SignInChallenges.Kind;
import dev.kefu.organization.StaffMembers;
import dev.kefu.organization.Tenants;
import dev.kefu.security.sso.SsoSettingsStore;
import dev.kefu.organization.StaffRoles;
import dev.kefu.shared.RateLimited;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;

/**
 * Staff login and logout. A login whose password is right but that needs a second step (a code from the
 * authenticator app, or a first enrolment the organization requires) answers with a challenge instead of a session;
 * the challenge's step then completes it.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final StaffRoles staffRoles;
	private final StaffMembers staff;
	private final StaffTokens tokens;
	private final LoginProtection protection;
	private final AuditLog audit;
	private final TwoFactor twoFactor;
	private final SignInPolicy policy;
	private final SignInChallenges challenges;
	private final SsoSettingsStore sso;
	private final Tenants tenants;

	AuthController(StaffMembers staff, StaffTokens tokens, LoginProtection protection, AuditLog audit,
			TwoFactor twoFactor, SignInPolicy policy, SignInChallenges challenges, SsoSettingsStore sso,
			Tenants tenants, StaffRoles staffRoles) {
		this.tenants = tenants;
		this.staffRoles = staffRoles;
		this.staff = staff;
		this.tokens = tokens;
		this.protection = protection;
		this.audit = audit;
		this.twoFactor = twoFactor;
		this.policy = policy;
		this.challenges = challenges;
		this.sso = sso;
	}

	/** {@code organization}: the organization's slug, needed only when two organizations have the username. */
	record Login(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 128) String password,
			@Nullable @Size(max = 64) String organization) {
	}

	/** Who is signed in: preset roles, and every permission they hold (presets' and custom roles'), for the UIs. */
	record Me(UUID id, UUID organizationId, String displayName, Set<Role> roles, Set<String> permissions) {
	}

	/** A session; {@code recoveryCodes} only when the login enrolled a second factor (shown this once). */
	record LoggedIn(String token, Instant expiresAt, Me user, @Nullable List<String> recoveryCodes) {
	}

	/**
	 * A right password that needs one more step: {@code next} is {@code two-factor} (send a code with the challenge)
	 * or {@code two-factor-enrolment} (the organization requires a second factor this account does not have yet).
	 */
	record NextStep(String next, String challenge, Instant expiresAt) {
	}

	record CodeStep(@NotBlank @Size(max = 100) String challenge, @NotBlank @Size(max = 32) String code) {
	}

	record ChallengeStep(@NotBlank @Size(max = 100) String challenge) {
	}

	/**
	 * The source address is the connection's, or the one a trusted proxy forwarded when
	 * {@code server.forward-headers-strategy} says to believe it; a client's own X-Forwarded-For is never read here.
	 */
	@PostMapping("/login")
	Object login(@Valid @RequestBody Login login, HttpServletRequest request) {
		LoginProtection.Attempt attempt = LoginProtection.Attempt.of(login.username(), request.getRemoteAddr());
		Duration wait = protection.wait(attempt);
		// Attempts refused by the lockout are not written one by one: that would let a flood cost a write each, where
		// it now costs nothing. The failures that led to the lockout are in the log.
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
			failed(login, ambiguous.code());
			throw ambiguous;
		}
		if (member.isEmpty()) {
			protection.failed(attempt);
			failed(login, "wrong username or password, or account disabled");
			throw new RequestRejected("bad-credentials", "wrong username or password", HttpStatus.UNAUTHORIZED);
		}
		protection.succeeded(attempt);
		StaffMember m = member.get();
		try {
			tenants.requireActive(m.organizationId());
		}
		catch (RequestRejected suspended) {
			failed(login, suspended.code());
			throw suspended;
		}
		if (!sso.allowsPasswordLogin(m)) {
			throw new RequestRejected("password-login-disabled",
					"your organization signs in with single sign-on; use \"Sign in with SSO\"", HttpStatus.FORBIDDEN);
		}
		if (twoFactor.enabled(m.id())) {
			return next("two-factor", challenges.issue(m.organizationId(), m.id(), Kind.CODE, attempt.account()));
		}
		if (policy.requiresTwoFactor(m.organizationId())) {
			return next("two-factor-enrolment",
					challenges.issue(m.organizationId(), m.id(), Kind.ENROL, attempt.account()));
		}
		return loggedIn(m, request, null);
	}

	/** The second step: a code from the authenticator app, or one of the recovery codes. */
	@PostMapping("/login/two-factor")
	LoggedIn code(@Valid @RequestBody CodeStep step, HttpServletRequest request) {
		Challenge challenge = challenge(step.challenge(), Kind.CODE);
		waitForCode(challenge, request);
		if (!twoFactor.verify(challenge.staffId(), step.code())) {
			protection.codeFailed(challenge.staffId(), request.getRemoteAddr());
			String name = staff.find(challenge.organizationId(), challenge.staffId())
				.map(StaffMember::displayName)
				.orElse("staff:" + challenge.staffId());
			audit.entry(new AuditLog.Actor(challenge.organizationId(), challenge.staffId(), name), "auth.login-failed")
				.target("staff:" + challenge.staffId())
				.detail("wrong second-factor code")
				.record();
			throw new RequestRejected("wrong-code", "wrong, expired or already used code", HttpStatus.UNAUTHORIZED);
		}
		protection.codeSucceeded(challenge.staffId());
		return loggedIn(complete(challenge), request, null);
	}

	/** An enrolment the organization requires, started with the login's challenge: the secret and its QR code. */
	@PostMapping("/login/two-factor/enrolment")
	TwoFactor.Enrolment startEnrolment(@Valid @RequestBody ChallengeStep step) {
		Challenge challenge = challenge(step.challenge(), Kind.ENROL);
		StaffMember member = staff.find(challenge.organizationId(), challenge.staffId())
			.filter(StaffMember::enabled)
			.orElseThrow(AuthController::challengeEnded);
		return twoFactor.start(member.organizationId(), member.id(), member.username());
	}

	/** The enrolment's first code: turns the second factor on and completes the login, with the recovery codes. */
	@PostMapping("/login/two-factor/enrolment/confirm")
	LoggedIn confirmEnrolment(@Valid @RequestBody CodeStep step, HttpServletRequest request) {
		Challenge challenge = challenge(step.challenge(), Kind.ENROL);
		waitForCode(challenge, request);
		StaffMember member = staff.find(challenge.organizationId(), challenge.staffId())
			.filter(StaffMember::enabled)
			.orElseThrow(AuthController::challengeEnded);
		TwoFactor.RecoveryCodes codes;
		try {
			codes = twoFactor.confirm(new StaffCaller(member.id(), member.organizationId(), member.displayName(),
					member.roles()), step.code(), request.getRemoteAddr());
		}
		catch (RequestRejected wrong) {
			protection.codeFailed(challenge.staffId(), request.getRemoteAddr());
			throw wrong;
		}
		protection.codeSucceeded(challenge.staffId());
		return loggedIn(complete(challenge), request, codes.recoveryCodes());
	}

	private Challenge challenge(String token, Kind kind) {
		return challenges.find(token, kind).orElseThrow(AuthController::challengeEnded);
	}

	private void waitForCode(Challenge challenge, HttpServletRequest request) {
		Duration wait = protection.codeWait(challenge.staffId(), request.getRemoteAddr());
		if (wait.isPositive()) {
			throw new RateLimited("too-many-attempts",
					"too many wrong codes; try again in " + (wait.toMillis() + 999) / 1000 + " s", wait);
		}
	}

	/** Uses the challenge up; the account must still be enabled. */
	private StaffMember complete(Challenge challenge) {
		if (!challenges.consume(challenge)) {
			throw challengeEnded();
		}
		return staff.find(challenge.organizationId(), challenge.staffId())
			.filter(StaffMember::enabled)
			.orElseThrow(AuthController::challengeEnded);
	}

	private static RequestRejected challengeEnded() {
		return new RequestRejected("challenge-expired", "this sign-in took too long or was used; enter the password again",
				HttpStatus.UNAUTHORIZED);
	}

	private static NextStep next(String next, SignInChallenges.Issued issued) {
		return new NextStep(next, issued.challenge(), issued.expiresAt());
	}

	private LoggedIn loggedIn(StaffMember member, HttpServletRequest request, @Nullable List<String> recoveryCodes) {
		StaffTokens.IssuedToken token = tokens.issue(member,
				new StaffTokens.Client(request.getRemoteAddr(), request.getHeader("User-Agent")));
		audit.entry(new AuditLog.Actor(member.organizationId(), member.id(), member.displayName()), "auth.login")
			.target("staff:" + member.id())
			.detail(member.username())
			.record();
		return new LoggedIn(token.token(), token.expiresAt(),
				new Me(member.id(), member.organizationId(), member.displayName(), member.roles(),
						staffRoles.accessOf(member).keys()), recoveryCodes);
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@AuthenticationPrincipal StaffCaller caller, @RequestHeader("Authorization") String authorization) {
		tokens.revoke(authorization.substring("Bearer ".length()).strip());
		audit.record(caller, "auth.logout", "staff:" + caller.userId(), null);
	}

	/**
	 * A refused login is recorded in each organization where the name is somebody's, under the name tried and no
	 * actor id; a name nobody has belongs to no organization, and its attempts only count towards the lockout.
	 */
	private void failed(Login login, String reason) {
		for (UUID organizationId : staff.organizationsKnowing(login.organization(), login.username())) {
			audit.entry(AuditLog.Actor.unknown(organizationId, login.username()), "auth.login-failed")
				.target("username:" + login.username())
				.detail(reason)
				.record();
		}
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal StaffCaller caller) {
		return new Me(caller.userId(), caller.organizationId(), caller.displayName(), caller.roles(),
				caller.access().keys());
	}
}
