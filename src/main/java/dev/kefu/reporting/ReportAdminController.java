package dev.kefu.reporting;

import dev.kefu.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

/** Admins rebuild their organization's reports from the stored conversations (202, then poll the progress). */
@RestController
class ReportAdminController {

	private final ReportRebuild rebuild;
	private final AuditLog audit;

	ReportAdminController(ReportRebuild rebuild, AuditLog audit) {
		this.rebuild = rebuild;
		this.audit = audit;
	}

	@PostMapping("/api/v1/admin/reports/rebuild")
	ResponseEntity<ReportRebuild.Progress> start(@AuthenticationPrincipal StaffCaller caller) {
		ReportRebuild.Progress started = rebuild.start(caller.organizationId());
		audit.record(caller, "report.rebuild-started", "reports", null);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
	}

	@GetMapping("/api/v1/admin/reports/rebuild")
	ResponseEntity<ReportRebuild.Progress> progress(@AuthenticationPrincipal StaffCaller caller) {
		ReportRebuild.Progress progress = rebuild.progress(caller.organizationId());
		return progress == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(progress);
	}
}
