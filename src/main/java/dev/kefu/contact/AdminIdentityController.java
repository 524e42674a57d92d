package dev.kefu.contact;

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

	AdminIdentityController(IdentitySettingsStore settings) {
		this.settings = settings;
	}

	@GetMapping
	IdentitySettings get(@AuthenticationPrincipal StaffCaller caller) {
		return settings.of(caller.organizationId());
	}

	@PutMapping
	IdentitySettings change(@AuthenticationPrincipal StaffCaller caller, @RequestBody IdentitySettings.Change change) {
		return settings.change(caller.organizationId(), change);
	}

	@PostMapping("/secret")
	IdentitySettings rotate(@AuthenticationPrincipal StaffCaller caller) {
		return settings.rotate(caller.organizationId());
	}
}
