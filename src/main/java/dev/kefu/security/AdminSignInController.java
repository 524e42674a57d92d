package dev.kefu.security;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.audit.AuditLog;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.StaffCaller;

/**
 * Admins' side of staff sign-in: whether the organization requires a second factor, a staff member's second factor
 * (reset, for a lost phone) and their open sessions (revoke). Another organization's staff are not found.
 */
@RestController
@RequestMapping("/api/v1/admin")
class AdminSignInController {

	private final SignInPolicy policy;
	private final TwoFactor twoFactor;
	private final StaffTokens tokens;
	private final StaffMembers staff;
	private final AuditLog audit;

	AdminSignInController(SignInPolicy policy, TwoFactor twoFactor, StaffTokens tokens, StaffMembers staff,
			AuditLog audit) {
		this.policy = policy;
		this.twoFactor = twoFactor;
		this.tokens = tokens;
		this.staff = staff;
		this.audit = audit;
	}

	@GetMapping("/sign-in")
	SignInPolicy.Settings settings(@AuthenticationPrincipal StaffCaller caller) {
		return new SignInPolicy.Settings(policy.requiresTwoFactor(caller.organizationId()));
	}

	@PutMapping("/sign-in")
	SignInPolicy.Settings change(@AuthenticationPrincipal StaffCaller caller,
			@Valid @RequestBody SignInPolicy.Settings settings, HttpServletRequest request) {
		return policy.change(caller, settings, request.getRemoteAddr());
	}

	@GetMapping("/staff/{id}/two-factor")
	TwoFactor.Status twoFactor(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		StaffMember member = staff.require(caller.organizationId(), id);
		TwoFactor.Status status = twoFactor.status(caller.organizationId(), member.id());
		// How many recovery codes are left is the staff member's own business.
		return new TwoFactor.Status(status.enabled(), status.enabledAt(), 0, status.required());
	}

	/** Turns the staff member's second factor off; where the organization requires one, they enrol at next login. */
	@DeleteMapping("/staff/{id}/two-factor")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetTwoFactor(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			HttpServletRequest request) {
		StaffMember member = staff.require(caller.organizationId(), id);
		twoFactor.reset(caller, member.id(), member.displayName(), request.getRemoteAddr());
	}

	@GetMapping("/staff/{id}/sessions")
	List<StaffTokens.Session> sessions(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			HttpServletRequest request) {
		StaffMember member = staff.require(caller.organizationId(), id);
		return tokens.sessions(caller.organizationId(), member.id(),
				AccountSecurityController.bearer(request.getHeader("Authorization")));
	}

	@DeleteMapping("/staff/{id}/sessions/{sessionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id, @PathVariable UUID sessionId,
			HttpServletRequest request) {
		StaffMember member = staff.require(caller.organizationId(), id);
		AccountSecurityController.SessionRevocation.revoke(tokens, audit, caller, member.id(), member.displayName(),
				sessionId, request.getRemoteAddr());
	}
}
