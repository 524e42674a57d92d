package dev.kefu.reporting;

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

	ReportAdminController(ReportRebuild rebuild) {
		this.rebuild = rebuild;
	}

	@PostMapping("/api/v1/admin/reports/rebuild")
	ResponseEntity<ReportRebuild.Progress> start(@AuthenticationPrincipal StaffCaller caller) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start(caller.organizationId()));
	}

	@GetMapping("/api/v1/admin/reports/rebuild")
	ResponseEntity<ReportRebuild.Progress> progress(@AuthenticationPrincipal StaffCaller caller) {
		ReportRebuild.Progress progress = rebuild.progress(caller.organizationId());
		return progress == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(progress);
	}
}
