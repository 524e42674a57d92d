package dev.kefu.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.retention.RetentionKind;
import dev.kefu.retention.RetentionMode;
import dev.kefu.retention.RetentionTarget;
import dev.kefu.shared.SqlTime;

/**
 * Visitors not seen for longer than the organization keeps them lose their profile (name, e-mail, phone, custom
 * fields, the host site's user id), in either mode: the row itself stays, because conversations and report facts
 * name it. Contacts under legal hold, and tombstones merged into them, are kept.
 */
@Component
class VisitorRetention implements RetentionTarget {

	private static final String OLD = """
			FROM contact c
			WHERE c.organization_id = :org AND c.last_seen_at < :before AND c.legal_hold_at IS NULL
			  AND (c.name IS NOT NULL OR c.email IS NOT NULL OR c.phone IS NOT NULL OR c.external_id IS NOT NULL
			       OR c.attributes <> '{}')
			  AND NOT EXISTS (SELECT 1 FROM contact h WHERE h.id = c.merged_into AND h.legal_hold_at IS NOT NULL)""";

	private final JdbcClient jdbc;
	private final ContactErasure erasure;
	private final Clock clock;

	VisitorRetention(JdbcClient jdbc, ContactErasure erasure, Clock clock) {
		this.jdbc = jdbc;
		this.erasure = erasure;
		this.clock = clock;
	}

	@Override
	public RetentionKind kind() {
		return RetentionKind.VISITORS;
	}

	@Override
	public long count(UUID organizationId, Instant before) {
		return jdbc.sql("SELECT COUNT(*) " + OLD)
			.param("org", organizationId)
			.param("before", SqlTime.of(before))
			.query(Long.class)
			.single();
	}

	@Override
	@Transactional
	public int apply(UUID organizationId, Instant before, RetentionMode mode, int batch) {
		List<UUID> ids = jdbc.sql("SELECT c.id " + OLD + " ORDER BY c.last_seen_at LIMIT :batch")
			.param("org", organizationId)
			.param("before", SqlTime.of(before))
			.param("batch", batch)
			.query(UUID.class)
			.list();
		erasure.blank(organizationId, ids, clock.instant());
		return ids.size();
	}
}
