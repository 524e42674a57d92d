package dev.kefu.retention;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The organizations' retention settings; no row is the default, keep everything. */
@Repository
class RetentionSettingsStore {

	/** A hundred years: more is a typo, and "forever" is an empty field. */
	static final int MAX_DAYS = 36_500;

	private final JdbcClient jdbc;
	private final JsonMapper json;

	RetentionSettingsStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	RetentionSettings of(UUID organizationId) {
		return jdbc.sql("SELECT * FROM retention_settings WHERE organization_id = ?")
			.param(organizationId)
			.query((rs, n) -> {
				String counts = rs.getString("last_run_counts");
				return new RetentionSettings(days(rs.getObject("conversation_days")), days(rs.getObject("ticket_days")),
						days(rs.getObject("visitor_days")), RetentionMode.valueOf(rs.getString("mode")),
						SqlTime.read(rs, "last_run_at"), counts == null ? null : json.readValue(counts,
								new TypeReference<EnumMap<RetentionKind, Long>>() {
								}));
			})
			.optional()
			.orElse(RetentionSettings.DEFAULT);
	}

	/** The organizations that keep something for a limited time. */
	List<UUID> limited() {
		return jdbc.sql("""
				SELECT organization_id FROM retention_settings
				WHERE conversation_days IS NOT NULL OR ticket_days IS NOT NULL OR visitor_days IS NOT NULL""")
			.query(UUID.class)
			.list();
	}

	void save(UUID organizationId, @Nullable Integer conversationDays, @Nullable Integer ticketDays,
			@Nullable Integer visitorDays, @Nullable RetentionMode mode, Instant now) {
		check("conversationDays", conversationDays);
		check("ticketDays", ticketDays);
		check("visitorDays", visitorDays);
		if (mode == null) {
			throw new RequestRejected("invalid-mode", "mode must be DELETE or ANONYMIZE");
		}
		int updated = jdbc.sql("""
				UPDATE retention_settings SET conversation_days = ?, ticket_days = ?, visitor_days = ?, mode = ?,
				  updated_at = ?
				WHERE organization_id = ?""")
			.params(conversationDays, ticketDays, visitorDays, mode.name(), SqlTime.of(now), organizationId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO retention_settings (organization_id, conversation_days, ticket_days, visitor_days, mode,
					                                updated_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(organizationId, conversationDays, ticketDays, visitorDays, mode.name(), SqlTime.of(now))
				.update();
		}
	}

	void ran(UUID organizationId, Map<RetentionKind, Long> counts, Instant at) {
		jdbc.sql("UPDATE retention_settings SET last_run_at = ?, last_run_counts = ? WHERE organization_id = ?")
			.params(SqlTime.of(at), json.writeValueAsString(counts), organizationId)
			.update();
	}

	private static void check(String field, @Nullable Integer days) {
		if (days != null && (days < 1 || days > MAX_DAYS)) {
			throw new RequestRejected("invalid-" + field.replace("Days", "-days"),
					field + " must be 1-" + MAX_DAYS + " days, or empty to keep forever");
		}
	}

	private static @Nullable Integer days(@Nullable Object value) {
		return value == null ? null : ((Number) value).intValue();
	}
}
