package dev.kefu.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StandardWebhookSignature;

/**
 * Each organization's CRM lookup settings. The row (and its secret) is made by the first save; until then the
 * organization has no CRM card.
 */
@Component
class CrmSettingsStore {

	static final int MIN_CACHE_SECONDS = 10;
	static final int MAX_CACHE_SECONDS = 86_400;

	/** What a lookup needs: where, the key to sign with, how long to keep the answer, and which settings made it. */
	record Lookup(String url, String secret, int cacheSeconds, Instant changedAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final CrmTargets targets;

	CrmSettingsStore(JdbcClient jdbc, Clock clock, CrmTargets targets) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.targets = targets;
	}

	CrmSettings of(UUID organizationId) {
		return row(organizationId).map(Row::settings).orElseGet(CrmSettings::none);
	}

	/** The lookup to make for this organization, when it has one configured and enabled. */
	Optional<Lookup> lookup(UUID organizationId) {
		return row(organizationId).filter(r -> r.settings().configured())
			.map(r -> new Lookup(r.settings().lookupUrl(), r.secret(), r.settings().cacheSeconds(),
					r.settings().changedAt()));
	}

	/** The secret, made now and shown in this answer only, when this is the organization's first save. */
	@Transactional
	CrmSettings change(UUID organizationId, CrmSettings.Change change) {
		CrmSettings current = of(organizationId);
		String url = change.lookupUrl() == null ? current.lookupUrl() : checkedUrl(change.lookupUrl());
		boolean enabled = change.enabled() == null ? current.enabled() : change.enabled();
		int cacheSeconds = change.cacheSeconds() == null ? current.cacheSeconds() : checkedCache(change.cacheSeconds());
		if (enabled && url == null) {
			throw new RequestRejected("invalid-crm", "a lookup URL is needed to enable the CRM card");
		}
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				UPDATE crm_settings SET lookup_url = ?, enabled = ?, cache_seconds = ?, changed_at = ?
				WHERE organization_id = ?""")
			.params(url, enabled, cacheSeconds, SqlTime.of(now), organizationId)
			.update();
		if (updated == 1) {
			return of(organizationId);
		}
		String secret = StandardWebhookSignature.newSecret();
		try {
			jdbc.sql("""
					INSERT INTO crm_settings (organization_id, lookup_url, secret, enabled, cache_seconds, changed_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(organizationId, url, secret, enabled, cacheSeconds, SqlTime.of(now))
				.update();
		}
		catch (DuplicateKeyException anotherAdminSavedFirst) {
			throw new RequestRejected("conflict", "the CRM settings were just created by someone else; reload",
					HttpStatus.CONFLICT);
		}
		return of(organizationId).withSecret(secret);
	}

	/** A new secret, shown in this answer only; the old one stops working at once. */
	@Transactional
	CrmSettings rotate(UUID organizationId) {
		if (row(organizationId).isEmpty()) {
			return change(organizationId, new CrmSettings.Change(null, null, null));
		}
		String secret = StandardWebhookSignature.newSecret();
		jdbc.sql("UPDATE crm_settings SET secret = ?, changed_at = ? WHERE organization_id = ?")
			.params(secret, SqlTime.of(clock.instant()), organizationId)
			.update();
		return of(organizationId).withSecret(secret);
	}

	private @Nullable String checkedUrl(String url) {
		String given = url.strip();
		return given.isEmpty() ? null : targets.check(given).toString();
	}

	private static int checkedCache(int seconds) {
		if (seconds < MIN_CACHE_SECONDS || seconds > MAX_CACHE_SECONDS) {
			throw new RequestRejected("invalid-cache-time",
					"the cache time is " + MIN_CACHE_SECONDS + " to " + MAX_CACHE_SECONDS + " seconds");
		}
		return seconds;
	}

	private record Row(CrmSettings settings, String secret) {
	}

	private Optional<Row> row(UUID organizationId) {
		return jdbc.sql("SELECT * FROM crm_settings WHERE organization_id = ?")
			.param(organizationId)
			.query(CrmSettingsStore::map)
			.optional();
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(new CrmSettings(rs.getString("lookup_url"), rs.getBoolean("enabled"), rs.getInt("cache_seconds"),
				null, SqlTime.read(rs, "changed_at")), rs.getString("secret"));
	}
}
