package dev.kefu.crm;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/** Admins (/api/v1/admin/** is for admins only) set up the CRM lookup, rotate its secret and try it out. */
@RestController
@RequestMapping("/api/v1/admin/crm")
class CrmController {

	private final CrmSettingsStore settings;
	private final CrmCards cards;
	private final AuditLog audit;

	CrmController(CrmSettingsStore settings, CrmCards cards, AuditLog audit) {
		this.settings = settings;
		this.cards = cards;
		this.audit = audit;
	}

	@GetMapping
	CrmSettings get(@AuthenticationPrincipal StaffCaller caller) {
		return settings.of(caller.organizationId());
	}

	@PutMapping
	@Operation(summary = "Change the CRM lookup; the first save answers the new secret, this once")
	@Transactional
	CrmSettings change(@AuthenticationPrincipal StaffCaller caller, @RequestBody CrmSettings.Change change) {
		CrmSettings before = settings.of(caller.organizationId());
		CrmSettings after = settings.change(caller.organizationId(), change);
		audit.entry(caller, "crm.changed").target("crm-settings").changed(before, after).record();
		return after;
	}

	@PostMapping("/secret")
	@Operation(summary = "Replace the signing secret; the answer shows the new one, this once")
	@Transactional
	CrmSettings rotate(@AuthenticationPrincipal StaffCaller caller) {
		CrmSettings rotated = settings.rotate(caller.organizationId());
		audit.record(caller, "crm.secret-rotated", "crm-settings", null);
		return rotated;
	}

	@Schema(name = "CrmLookupSample", description = "A made-up customer to look up")
	record Sample(@Schema(example = "cust-42") @Nullable String externalId,
			@Schema(example = "li.lei@example.com") @Nullable String email,
			@Schema(example = "+86 138 0013 8000") @Nullable String phone,
			@Schema(example = "Li Lei") @Nullable String name) {
	}

	@PostMapping("/test")
	@Operation(summary = "Look a made-up customer up in the CRM now, uncached, and answer the card it gives")
	CrmCard test(@AuthenticationPrincipal StaffCaller caller, @RequestBody(required = false) @Nullable Sample sample) {
		Sample given = sample == null ? new Sample("test-customer", null, null, null) : sample;
		return cards.test(caller.organizationId(), new CrmClient.Customer(UUID.randomUUID(), cut(given.externalId()),
				given.externalId() != null, cut(given.name()), cut(given.email()), cut(given.phone())));
	}

	private static @Nullable String cut(@Nullable String value) {
		return value == null || value.isBlank() ? null : Text.cut(value.strip(), 200);
	}
}
