package dev.kefu.security;

import java.time.Clock;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.audit.AuditLog;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An organization's rules for how its staff sign in: whether a second factor is required. Staff without one are
 * made to enrol at their next login, before they reach the desk; sessions already open go on.
 */
@Component
class SignInPolicy {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	SignInPolicy(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** What the admin console reads and writes. */
	@Schema(name = "SignInPolicySettings")
	record Settings(@NotNull Boolean requireTwoFactor) {
	}

	boolean requiresTwoFactor(UUID organizationId) {
		return jdbc.sql("SELECT require_two_factor FROM sign_in_policy WHERE organization_id = ?")
			.param(organizationId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Transactional
	Settings change(StaffCaller admin, Settings settings, @Nullable String address) {
		UUID organizationId = admin.organizationId();
		int changed = jdbc.sql("UPDATE sign_in_policy SET require_two_factor = ?, updated_at = ? WHERE organization_id = ?")
			.params(settings.requireTwoFactor(), SqlTime.of(clock.instant()), organizationId)
			.update();
		if (changed == 0) {
			jdbc.sql("INSERT INTO sign_in_policy (organization_id, require_two_factor, updated_at) VALUES (?, ?, ?)")
				.params(organizationId, settings.requireTwoFactor(), SqlTime.of(clock.instant()))
				.update();
		}
		audit.record(admin, "settings.sign-in-changed", "organization:" + organizationId,
				"require two-factor: " + settings.requireTwoFactor(), address);
		return settings;
	}
}
