package dev.kefu.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How long each organization keeps its audit log, and the nightly prune that deletes older entries (the only way an
 * entry ever leaves). An organization that has not chosen keeps {@code kefu.audit.retention-days}, three years by
 * default: well above the six months China's Cybersecurity Law (art. 21) asks of network logs, and long enough for a
 * bank's yearly internal and external audits to look back over the previous ones. It may not go below
 * {@value #MINIMUM_DAYS} days, so that a careless (or a hiding) admin cannot wipe the log; each prune is itself logged.
 */
@Component
class AuditRetention {

	static final int MINIMUM_DAYS = 180;

	static final int MAXIMUM_DAYS = 3650;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditLog log;
	private final int defaultDays;

	AuditRetention(JdbcClient jdbc, Clock clock, AuditLog log,
			@Value("${kefu.audit.retention-days:1095}") int defaultDays) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.log = log;
		this.defaultDays = Math.clamp(defaultDays, MINIMUM_DAYS, MAXIMUM_DAYS);
	}

	@Schema(name = "AuditRetentionSettings")
	record Settings(int retentionDays, int minimumDays, int maximumDays, int defaultDays) {
	}

	Settings settings(UUID organizationId) {
		return new Settings(days(organizationId), MINIMUM_DAYS, MAXIMUM_DAYS, defaultDays);
	}

	@Transactional
	Settings change(StaffCaller admin, int days) {
		if (days < MINIMUM_DAYS || days > MAXIMUM_DAYS) {
			throw new RequestRejected("invalid-retention",
					"the audit log is kept " + MINIMUM_DAYS + " to " + MAXIMUM_DAYS + " days");
		}
		int before = days(admin.organizationId());
		int updated = jdbc.sql("UPDATE audit_settings SET retention_days = ? WHERE organization_id = ?")
			.params(days, admin.organizationId())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO audit_settings (organization_id, retention_days) VALUES (?, ?)")
				.params(admin.organizationId(), days)
				.update();
		}
		if (before != days) {
			log.entry(admin, "audit.retention-changed")
				.target("audit-settings")
				.changed(new Retention(before), new Retention(days))
				.record();
		}
		return settings(admin.organizationId());
	}

	private record Retention(int retentionDays) {
	}

	private int days(UUID organizationId) {
		return jdbc.sql("SELECT retention_days FROM audit_settings WHERE organization_id = ?")
			.param(organizationId)
			.query(Integer.class)
			.optional()
			.orElse(defaultDays);
	}

	/** Deletes what each organization no longer keeps; returns how many entries went. */
	@Scheduled(cron = "${kefu.audit.prune-cron:0 20 3 * * *}")
	int prune() {
		Instant now = clock.instant();
		int total = 0;
		record Chosen(UUID organizationId, int days) {
		}
		List<Chosen> chosen = jdbc.sql("SELECT organization_id, retention_days FROM audit_settings")
			.query((rs, n) -> new Chosen(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list();
		for (Chosen c : chosen) {
			total += pruneOne(c.organizationId(), now.minus(Duration.ofDays(c.days())));
		}
		Instant defaultCut = now.minus(Duration.ofDays(defaultDays));
		List<UUID> others = jdbc.sql("""
				SELECT DISTINCT organization_id FROM audit_entry
				WHERE occurred_at < ? AND organization_id NOT IN (SELECT organization_id FROM audit_settings)""")
			.param(SqlTime.of(defaultCut))
			.query(UUID.class)
			.list();
		for (UUID organizationId : others) {
			total += pruneOne(organizationId, defaultCut);
		}
		return total;
	}

	private int pruneOne(UUID organizationId, Instant before) {
		int deleted = jdbc.sql("DELETE FROM audit_entry WHERE organization_id = ? AND occurred_at < ?")
			.params(organizationId, SqlTime.of(before))
			.update();
		if (deleted > 0) {
			log.entry(AuditLog.Actor.system(organizationId), "audit.pruned")
				.target("audit-log")
				.detail(deleted + " entries older than " + before)
				.from(null)
				.record();
		}
		return deleted;
	}
}
