package dev.kefu.retention;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.kefu.audit.AuditLog;
import dev.kefu.shared.StaffCaller;

/** Admins set how long their organization keeps its data, see what a run would remove, and run it now. */
@RestController
@RequestMapping("/api/v1/admin/retention")
class RetentionController {

	private final RetentionSettingsStore settings;
	private final Retention retention;
	private final AuditLog audit;
	private final Clock clock;

	RetentionController(RetentionSettingsStore settings, Retention retention, AuditLog audit, Clock clock) {
		this.settings = settings;
		this.retention = retention;
		this.audit = audit;
		this.clock = clock;
	}

	@Schema(name = "RetentionSettingsChange", description = "Days each kind is kept (empty = forever) and what happens to older data")
	record RetentionChange(@Schema(example = "365") @Nullable Integer conversationDays,
			@Schema(example = "365") @Nullable Integer ticketDays,
			@Schema(example = "730") @Nullable Integer visitorDays,
			@Schema(example = "ANONYMIZE") @Nullable RetentionMode mode) {
	}

	@GetMapping
	@Operation(summary = "The organization's retention settings and what the last run did")
	RetentionSettings get(@AuthenticationPrincipal StaffCaller caller) {
		return settings.of(caller.organizationId());
	}

	@PutMapping
	@Operation(summary = "Sets how many days conversations, left messages and visitors' profiles are kept (1-36500, "
			+ "empty = forever) and whether older data is DELETEd or ANONYMIZEd; legal holds are kept either way")
	RetentionSettings put(@AuthenticationPrincipal StaffCaller caller, @RequestBody RetentionChange change,
			HttpServletRequest http) {
		settings.save(caller.organizationId(), change.conversationDays(), change.ticketDays(), change.visitorDays(),
				change.mode(), clock.instant());
		audit.record(caller, "retention.settings-changed", "organization:" + caller.organizationId(),
				"conversations=" + change.conversationDays() + ", tickets=" + change.ticketDays() + ", visitors="
						+ change.visitorDays() + ", mode=" + change.mode(),
				http.getRemoteAddr());
		return settings.of(caller.organizationId());
	}

	@PostMapping("/dry-run")
	@Operation(summary = "Counts what a run now would delete or anonymize, per kind, changing nothing")
	Map<RetentionKind, Long> dryRun(@AuthenticationPrincipal StaffCaller caller) {
		return retention.dryRun(caller.organizationId());
	}

	@PostMapping("/run")
	@Operation(summary = "Runs the organization's retention now, as the nightly job would; answers the counts. "
			+ "Audited as retention.ran")
	Map<RetentionKind, Long> run(@AuthenticationPrincipal StaffCaller caller, HttpServletRequest http) {
		return retention.run(caller.organizationId(), caller, http.getRemoteAddr());
	}
}
