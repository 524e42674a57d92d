package dev.kefu.quality;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

import io.swagger.v3.oas.annotations.media.Schema;

/** The organization's inspection settings: admins change them, inspectors read them. */
@RestController
class QualitySettingsController {

	private final QualitySettingsStore settings;
	private final AuditLog audit;

	QualitySettingsController(QualitySettingsStore settings, AuditLog audit) {
		this.settings = settings;
		this.audit = audit;
	}

	/** Every field is required: read the settings, change what you want, send them back. */
	@Schema(name = "QualitySettingsBody")
	record SettingsBody(@NotNull Integer samplePercent, @NotNull Boolean includeFindings,
			@NotNull Boolean includeLowRatings, @NotNull Integer silenceLimitSeconds, @NotNull List<String> greetings,
			@NotNull List<String> closings, @NotNull List<String> forbidden) {

		static SettingsBody of(QualitySettings settings) {
			return new SettingsBody(settings.samplePercent(), settings.includeFindings(), settings.includeLowRatings(),
					(int) settings.silenceLimit().toSeconds(), settings.greetings().phrases(),
					settings.closings().phrases(), settings.forbidden().phrases());
		}

		QualitySettings settings() {
			return new QualitySettings(samplePercent, includeFindings, includeLowRatings,
					Duration.ofSeconds(silenceLimitSeconds), Phrases.given(greetings, "greetings"),
					Phrases.given(closings, "closings"), Phrases.given(forbidden, "forbidden"));
		}
	}

	@GetMapping("/api/v1/quality/settings")
	SettingsBody get(@AuthenticationPrincipal StaffCaller caller) {
		QualityRoles.requireInspector(caller);
		return SettingsBody.of(settings.of(caller.organizationId()));
	}

	@PutMapping("/api/v1/quality/settings")
	@Transactional
	SettingsBody put(@AuthenticationPrincipal StaffCaller caller, @Valid @RequestBody SettingsBody body) {
		QualityRoles.requireAdmin(caller);
		SettingsBody before = SettingsBody.of(settings.of(caller.organizationId()));
		SettingsBody after = SettingsBody.of(settings.save(caller.organizationId(), body.settings()));
		audit.entry(caller, "quality.settings-changed").target("quality-settings").changed(before, after).record();
		return after;
	}
}
