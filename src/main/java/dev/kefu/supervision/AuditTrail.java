package dev.kefu.supervision;

import dev.kefu.audit.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.Text;

/**
 * What supervisors did to live chats (table {@code supervision_audit}, which the supervision screens read); entries are
 * only ever added. Each is also written to the organization's one audit log ({@link AuditLog}) as
 * {@code supervision.watched}, {@code supervision.whispered} or {@code supervision.took-over}, in the same transaction;
 * a whisper's words stay here, out of the general log.
 */
@Repository
class AuditTrail {

	enum Action {
		WATCHED, WHISPERED, TOOK_OVER
	}

	record Entry(UUID id, UUID conversationId, UUID supervisorId, String supervisorName, Action action,
			@Nullable String detail, Instant at) {
	}

	private final JdbcClient jdbc;
	private final AuditLog log;

	AuditTrail(JdbcClient jdbc, AuditLog log) {
		this.jdbc = jdbc;
		this.log = log;
	}

	void record(UUID organizationId, UUID conversationId, UUID supervisorId, String supervisorName, Action action,
			@Nullable String detail, Instant at) {
		record(organizationId, conversationId, supervisorId, supervisorName, action, detail, at, null);
	}

	/** {@code sourceAddress}: where it came from when not over the current HTTP request (a live connection). */
	void record(UUID organizationId, UUID conversationId, UUID supervisorId, String supervisorName, Action action,
			@Nullable String detail, Instant at, @Nullable String sourceAddress) {
		jdbc.sql("""
				INSERT INTO supervision_audit (id, organization_id, conversation_id, supervisor_id, supervisor_name,
				                               action, detail, at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Ids.newId(), organizationId, conversationId, supervisorId, supervisorName, action.name(),
					detail == null ? null : detail.length() > 500 ? Text.cut(detail, 499) + "…" : detail,
					SqlTime.of(at))
			.update();
		String name = switch (action) {
			case WATCHED -> "supervision.watched";
			case WHISPERED -> "supervision.whispered";
			case TOOK_OVER -> "supervision.took-over";
		};
		log.entry(new AuditLog.Actor(organizationId, supervisorId, supervisorName), name)
			.target("conversation:" + conversationId)
			.detail(action == Action.TOOK_OVER ? detail : null)
			.from(sourceAddress)
			.record();
	}

	/** The newest first; of one conversation, or of the whole organization. */
	List<Entry> latest(UUID organizationId, @Nullable UUID conversationId, int limit) {
		String where = conversationId == null ? "" : " AND conversation_id = :conversation";
		var statement = jdbc.sql("SELECT * FROM supervision_audit WHERE organization_id = :org" + where
				+ " ORDER BY at DESC, id LIMIT :limit")
			.param("org", organizationId)
			.param("limit", limit);
		if (conversationId != null) {
			statement = statement.param("conversation", conversationId);
		}
		return statement.query((rs, row) -> new Entry(rs.getObject("id", UUID.class),
				rs.getObject("conversation_id", UUID.class), rs.getObject("supervisor_id", UUID.class),
				rs.getString("supervisor_name"), Action.valueOf(rs.getString("action")), rs.getString("detail"),
				SqlTime.read(rs, "at")))
			.list();
	}
}
