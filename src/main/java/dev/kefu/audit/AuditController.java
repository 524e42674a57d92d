package dev.kefu.audit;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

/** The organization's audit trail for admins (/api/v1/admin/** is for admins only), newest first. */
@RestController
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	record AuditPage(List<AuditEntry> entries, int page, int size, long total) {
	}

	@GetMapping("/api/v1/admin/audit")
	AuditPage audit(@AuthenticationPrincipal StaffCaller caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		int p = Math.max(0, page);
		int s = Math.clamp(size, 1, 200);
		return new AuditPage(log.page(caller.organizationId(), p, s), p, s, log.count(caller.organizationId()));
	}
}
