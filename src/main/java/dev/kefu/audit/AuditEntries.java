package dev.kefu.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kefu.shared.SqlTime;

/** Reads the organization's entries, newest first, as an {@link AuditFilter} narrows them. */
@Repository
class AuditEntries {

	private final JdbcClient jdbc;

	AuditEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<AuditEntry> page(UUID organizationId, AuditFilter filter, int page, int size) {
		Where where = where(organizationId, filter);
		return where.bind(jdbc.sql("SELECT * FROM audit_entry WHERE " + where.sql
				+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset"))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> read(rs))
			.list();
	}

	long count(UUID organizationId, AuditFilter filter) {
		Where where = where(organizationId, filter);
		return where.bind(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE " + where.sql)).query(Long.class).single();
	}

	/** At most {@code limit} entries, one at a time, so that a large export is never all in memory. */
	void each(UUID organizationId, AuditFilter filter, int limit, Consumer<AuditEntry> sink) {
		Where where = where(organizationId, filter);
		where.bind(jdbc.sql("SELECT * FROM audit_entry WHERE " + where.sql
				+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit"))
			.param("limit", limit)
			.query(rs -> {
				sink.accept(read(rs));
			});
	}

	private static AuditEntry read(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getObject("id", UUID.class), SqlTime.read(rs, "occurred_at"),
				rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("action"),
				rs.getString("target"), rs.getString("detail"), rs.getString("source_address"),
				rs.getString("before_value"), rs.getString("after_value"));
	}

	private record Where(String sql, List<Object[]> params) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			for (Object[] p : params) {
				statement = statement.param((String) p[0], p[1]);
			}
			return statement;
		}
	}

	private static Where where(UUID organizationId, AuditFilter filter) {
		StringBuilder sql = new StringBuilder("organization_id = :org");
		List<Object[]> params = new ArrayList<>();
		params.add(new Object[] { "org", organizationId });
		if (filter.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.add(new Object[] { "from", SqlTime.of(filter.from()) });
		}
		if (filter.to() != null) {
			sql.append(" AND occurred_at < :to");
			params.add(new Object[] { "to", SqlTime.of(filter.to()) });
		}
		if (filter.actorId() != null) {
			sql.append(" AND actor_id = :actorId");
			params.add(new Object[] { "actorId", filter.actorId() });
		}
		if (filter.actorName() != null) {
			sql.append(" AND LOWER(actor_name) LIKE :actorName ESCAPE '\\'");
			params.add(new Object[] { "actorName", contains(filter.actorName()) });
		}
		if (filter.actionPrefix() != null) {
			sql.append(" AND action LIKE :action ESCAPE '\\'");
			params.add(new Object[] { "action", escape(filter.actionPrefix()) + "%" });
		}
		if (filter.text() != null) {
			sql.append(" AND (LOWER(target) LIKE :text ESCAPE '\\' OR LOWER(detail) LIKE :text ESCAPE '\\'"
					+ " OR LOWER(actor_name) LIKE :text ESCAPE '\\')");
			params.add(new Object[] { "text", contains(filter.text()) });
		}
		return new Where(sql.toString(), params);
	}

	private static String contains(String text) {
		return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
