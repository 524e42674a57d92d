package dev.kefu.organization;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

/** The admin's view of the organization's limits on new visitors and chats per source address. */
@RestController
class AdminLimitsController {

	private final IntakeLimits limits;

	AdminLimitsController(IntakeLimits limits) {
		this.limits = limits;
	}

	@GetMapping("/api/v1/admin/limits")
	IntakeLimits.Settings limits(@AuthenticationPrincipal StaffCaller caller) {
		return limits.of(caller.organizationId());
	}

	@PutMapping("/api/v1/admin/limits")
	IntakeLimits.Settings change(@AuthenticationPrincipal StaffCaller caller,
			@RequestBody IntakeLimits.Settings settings) {
		return limits.change(caller.organizationId(), settings);
	}
}
