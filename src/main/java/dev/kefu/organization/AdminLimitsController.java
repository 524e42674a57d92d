package dev.kefu.organization;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
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
	private final AuditLog audit;

	AdminLimitsController(IntakeLimits limits, AuditLog audit) {
		this.limits = limits;
		this.audit = audit;
	}

	@GetMapping("/api/v1/admin/limits")
	IntakeLimits.Settings limits(@AuthenticationPrincipal StaffCaller caller) {
		return limits.of(caller.organizationId());
	}

	@PutMapping("/api/v1/admin/limits")
	@Transactional
	IntakeLimits.Settings change(@AuthenticationPrincipal StaffCaller caller,
			@RequestBody IntakeLimits.Settings settings) {
		IntakeLimits.Settings before = limits.of(caller.organizationId());
		IntakeLimits.Settings after = limits.change(caller.organizationId(), settings);
		audit.entry(caller, "limits.changed").target("limits").changed(before, after).record();
		return after;
	}
}
