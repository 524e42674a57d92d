package dev.kefu.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kefu.shared.Ids;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;

/**
 * Each organization's mode and own patterns. Read on every message, so they are cached for a few seconds: a change
 * applies at once on the node that made it and within {@link #FRESH} on the others.
 */
@Repository
class PrivacyStore {

	static final Duration FRESH = Duration.ofSeconds(5);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Map<UUID, Policy> cache = new ConcurrentHashMap<>();

	PrivacyStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What masks an organization's texts, as of a moment ago. */
	record Policy(MaskingMode mode, List<OwnPattern> patterns, Instant readAt) {
	}

	Policy policy(UUID organizationId) {
		Policy cached = cache.get(organizationId);
		// System time, not the clock: tests move the clock, and freshness is about this node's memory.
		if (cached != null && cached.readAt().plus(FRESH).isAfter(Instant.now())) {
			return cached;
		}
		Policy read = new Policy(mode(organizationId), patterns(organizationId), Instant.now());
		cache.put(organizationId, read);
		return read;
	}

	MaskingMode mode(UUID organizationId) {
		return jdbc.sql("SELECT mode FROM privacy_settings WHERE organization_id = ?")
			.param(organizationId)
			.query(String.class)
			.optional()
			.map(MaskingMode::valueOf)
			.orElse(MaskingMode.AT_REST);
	}

	void saveMode(UUID organizationId, MaskingMode mode) {
		int updated = jdbc.sql("UPDATE privacy_settings SET mode = ?, updated_at = ? WHERE organization_id = ?")
			.params(mode.name(), SqlTime.of(clock.instant()), organizationId)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO privacy_settings (organization_id, mode, updated_at) VALUES (?, ?, ?)")
				.params(organizationId, mode.name(), SqlTime.of(clock.instant()))
				.update();
		}
		cache.remove(organizationId);
	}

	List<OwnPattern> patterns(UUID organizationId) {
		return jdbc.sql("SELECT * FROM privacy_pattern WHERE organization_id = ? ORDER BY created_at, id")
			.param(organizationId)
			.query((rs, row) -> new OwnPattern(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("regex"), rs.getString("replacement"), SqlTime.read(rs, "created_at")))
			.list();
	}

	OwnPattern addPattern(UUID organizationId, String name, String regex, @Nullable String replacement) {
		OwnPattern pattern = new OwnPattern(Ids.newId(), name, regex, replacement, clock.instant());
		jdbc.sql("""
				INSERT INTO privacy_pattern (id, organization_id, name, regex, replacement, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(pattern.id(), organizationId, name, regex, replacement, SqlTime.of(pattern.createdAt()))
			.update();
		cache.remove(organizationId);
		return pattern;
	}

	void removePattern(UUID organizationId, UUID patternId) {
		int removed = jdbc.sql("DELETE FROM privacy_pattern WHERE id = ? AND organization_id = ?")
			.params(patternId, organizationId)
			.update();
		cache.remove(organizationId);
		if (removed == 0) {
			throw new ResourceNotFound("privacy pattern", patternId);
		}
	}
}
