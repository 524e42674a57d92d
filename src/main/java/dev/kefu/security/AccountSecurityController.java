package dev.kefu.security;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.audit.AuditLog;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.StaffCaller;

/**
 * A staff member's own sign-in security: their second factor and their open sessions. Under /api/v1/auth, which API
 * tokens cannot call: a token is nobody's login.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AccountSecurityController {

	private final TwoFactor twoFactor;
	private final StaffTokens tokens;
	private final StaffMembers staff;
	private final AuditLog audit;

	AccountSecurityController(TwoFactor twoFactor, StaffTokens tokens, StaffMembers staff, AuditLog audit) {
		this.twoFactor = twoFactor;
		this.tokens = tokens;
		this.staff = staff;
		this.audit = audit;
	}

	record Code(@NotBlank @Size(max = 32) String code) {
	}

	@GetMapping("/two-factor")
	TwoFactor.Status twoFactor(@AuthenticationPrincipal StaffCaller caller) {
		return twoFactor.status(caller.organizationId(), caller.userId());
	}

	/** A new secret, its otpauth URI and QR code: shown now, never again. Confirm it with a code to turn it on. */
	@PostMapping("/two-factor/enrolment")
	TwoFactor.Enrolment startEnrolment(@AuthenticationPrincipal StaffCaller caller) {
		return twoFactor.start(caller.organizationId(), caller.userId(),
				staff.require(caller.organizationId(), caller.userId()).username());
	}

	@PostMapping("/two-factor/enrolment/confirm")
	TwoFactor.RecoveryCodes confirmEnrolment(@AuthenticationPrincipal StaffCaller caller,
			@Valid @RequestBody Code code, HttpServletRequest request) {
		return twoFactor.confirm(caller, code.code(), request.getRemoteAddr());
	}

	@PostMapping("/two-factor/recovery-codes")
	TwoFactor.RecoveryCodes renewRecoveryCodes(@AuthenticationPrincipal StaffCaller caller,
			@Valid @RequestBody Code code, HttpServletRequest request) {
		return twoFactor.renewRecoveryCodes(caller, code.code(), request.getRemoteAddr());
	}

	@PostMapping("/two-factor/disable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void disable(@AuthenticationPrincipal StaffCaller caller, @Valid @RequestBody Code code,
			HttpServletRequest request) {
		twoFactor.disable(caller, code.code(), request.getRemoteAddr());
	}

	/** The caller's open sessions; {@code current} marks the one this request came with. */
	@GetMapping("/sessions")
	List<StaffTokens.Session> sessions(@AuthenticationPrincipal StaffCaller caller,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		return tokens.sessions(caller.organizationId(), caller.userId(), bearer(authorization));
	}

	/** Ends one of the caller's sessions (the current one too, which is then a logout). */
	@DeleteMapping("/sessions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id, HttpServletRequest request) {
		SessionRevocation.revoke(tokens, audit, caller, caller.userId(), caller.displayName(), id,
				request.getRemoteAddr());
	}

	static @Nullable String bearer(@Nullable String authorization) {
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				? authorization.substring(7).strip() : null;
	}

	/** Revoking a session, by its owner or an admin: audited, and 404 when there is no such open session. */
	static final class SessionRevocation {

		private SessionRevocation() {
		}

		static void revoke(StaffTokens tokens, AuditLog audit, StaffCaller actor, UUID staffId, String staffName,
				UUID sessionId, String address) {
			if (!tokens.revokeSession(actor.organizationId(), staffId, sessionId)) {
				throw new ResourceNotFound("session", sessionId);
			}
			audit.record(actor, "session.revoked", "session:" + sessionId, "staff: " + staffName, address);
		}
	}
}
