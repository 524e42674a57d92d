package dev.kefu.contact;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

/**
 * Admins read the identity secret their site signs customers with, rotate it (the old one stops working at once),
 * set the JWKS URL for RS256/ES256 JWTs, and decide whether visitors nobody vouches for may still chat.
 */
@RestController
@RequestMapping("/api/v1/admin/identity")
class AdminIdentityController {

	private final IdentitySettingsStore settings;
	private final AuditLog audit;

	AdminIdentityController(IdentitySettingsStore settings, AuditLog audit) {
		this.settings = settings;
		this.audit = audit;
	}

	@GetMapping
	IdentitySettings get(@AuthenticationPrincipal StaffCaller caller) {
		return settings.of(caller.organizationId());
	}

	@PutMapping
	@Transactional
	IdentitySettings change(@AuthenticationPrincipal StaffCaller caller, @RequestBody IdentitySettings.Change change) {
		IdentitySettings before = settings.of(caller.organizationId());
		IdentitySettings after = settings.change(caller.organizationId(), change);
		audit.entry(caller, "identity.changed").target("identity-settings").changed(before, after).record();
		return after;
	}

	@PostMapping("/secret")
	@Transactional
	IdentitySettings rotate(@AuthenticationPrincipal StaffCaller caller) {
		IdentitySettings rotated = settings.rotate(caller.organizationId());
		audit.record(caller, "identity.secret-rotated", "identity-settings", null);
		return rotated;
	}
}
