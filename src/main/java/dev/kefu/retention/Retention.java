package dev.kefu.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Service;

import dev.kefu.audit.AuditLog;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;

/**
 * Ages out an organization's data through the owners' {@link RetentionTarget}s: a dry run counts, a run deletes or
 * anonymizes in batches. Also drops the event publication log's completed entries, which copy events (message text
 * among them) and are only a record of delivery once complete.
 */
@Service
@EnableConfigurationProperties(RetentionProperties.class)
class Retention {

	static final String RAN = "retention.ran";

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	/** The actor of a nightly run in the audit log: no staff member ran it. */
	private static final UUID JOB = new UUID(0, 0);

	private final List<RetentionTarget> targets;
	private final RetentionSettingsStore settings;
	private final RetentionProperties properties;
	private final CompletedEventPublications completed;
	private final AuditLog audit;
	private final JdbcClient jdbc;
	private final Clock clock;

	Retention(List<RetentionTarget> targets, RetentionSettingsStore settings, RetentionProperties properties,
			CompletedEventPublications completed, AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.targets = targets;
		this.settings = settings;
		this.properties = properties;
		this.completed = completed;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What a run now would handle, per kind; kinds kept forever are left out. */
	Map<RetentionKind, Long> dryRun(UUID organizationId) {
		RetentionSettings current = settings.of(organizationId);
		Instant now = clock.instant();
		Map<RetentionKind, Long> counts = new EnumMap<>(RetentionKind.class);
		for (RetentionTarget target : targets) {
			Integer days = current.days(target.kind());
			if (days != null) {
				counts.merge(target.kind(), target.count(organizationId, now.minus(Duration.ofDays(days))), Long::sum);
			}
		}
		return counts;
	}

	/** Runs the organization's retention now; {@code by} is the admin who asked, or null for the nightly job. */
	Map<RetentionKind, Long> run(UUID organizationId, @Nullable StaffCaller by, @Nullable String sourceAddress) {
		RetentionSettings current = settings.of(organizationId);
		Instant now = clock.instant();
		Map<RetentionKind, Long> counts = new EnumMap<>(RetentionKind.class);
		for (RetentionTarget target : targets) {
			Integer days = current.days(target.kind());
			if (days == null) {
				continue;
			}
			Instant before = now.minus(Duration.ofDays(days));
			long total = 0;
			int handled;
			do {
				handled = target.apply(organizationId, before, current.mode(), properties.batchSize());
				total += handled;
			}
			while (handled >= properties.batchSize());
			counts.merge(target.kind(), total, Long::sum);
		}
		settings.ran(organizationId, counts, clock.instant());
		StaffCaller actor = by != null ? by : new StaffCaller(JOB, organizationId, "Retention job", java.util.Set.of());
		audit.record(actor, RAN, "organization:" + organizationId, current.mode() + " " + describe(counts),
				sourceAddress);
		log.info("Retention for organization {}: {} {}", organizationId, current.mode(), describe(counts));
		return counts;
	}

	/** The nightly run over every organization that keeps something for a limited time. */
	void runAll(String node) {
		for (UUID organization : settings.limited()) {
			if (!renew(node)) {
				log.warn("Retention: this node's lease ran out; another node carries on");
				return;
			}
			try {
				run(organization, null, null);
			}
			catch (RuntimeException e) {
				log.error("Retention for organization {} failed; the next run tries again", organization, e);
			}
		}
		completed.deletePublicationsOlderThan(Duration.ofDays(1));
	}

	/** Takes the job's lease (or extends this node's own): only the node holding it runs the job. */
	boolean take(String node) {
		Instant now = clock.instant();
		return jdbc.sql("""
				UPDATE retention_lease SET lease_owner = ?, lease_until = ?
				WHERE id = 1 AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)""")
			.params(node, SqlTime.of(now.plus(properties.lease())), SqlTime.of(now), node)
			.update() == 1;
	}

	private boolean renew(String node) {
		return take(node);
	}

	void release(String node) {
		jdbc.sql("UPDATE retention_lease SET lease_owner = NULL, lease_until = NULL WHERE id = 1 AND lease_owner = ?")
			.param(node)
			.update();
	}

	private static String describe(Map<RetentionKind, Long> counts) {
		return counts.entrySet()
			.stream()
			.map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + "=" + e.getValue())
			.collect(Collectors.joining(", "));
	}
}
