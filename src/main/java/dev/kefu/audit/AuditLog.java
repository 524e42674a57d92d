package dev.kefu.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;

/**
 * Records what was done, in the caller's transaction: an entry is kept exactly when the change it describes is.
 * Actions are dotted, past-tense names of the thing and the act ({@code api-token.created}), so that later additions
 * read alike and can be filtered by prefix.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param target what was acted on, e.g. {@code api-token:<id>}
	 * @param detail a short human-readable note (a name, what changed); never a secret
	 * @param sourceAddress the address the request came from, if it came over HTTP
	 */
	public void record(StaffCaller actor, String action, @Nullable String target, @Nullable String detail,
			@Nullable String sourceAddress) {
		jdbc.sql("""
				INSERT INTO audit_entry (id, organization_id, occurred_at, actor_id, actor_name, action, target, detail,
				                         source_address)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Ids.newId(), actor.organizationId(), SqlTime.of(clock.instant()), actor.userId(),
					cut(actor.displayName(), 200), action, target == null ? null : cut(target, 200),
					detail == null ? null : cut(detail, 2000), sourceAddress == null ? null : cut(sourceAddress, 100))
			.update();
	}

	/** One page of the organization's entries, newest first. */
	List<AuditEntry> page(UUID organizationId, int page, int size) {
		return jdbc.sql("""
				SELECT * FROM audit_entry WHERE organization_id = ?
				ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?""")
			.params(organizationId, size, (long) page * size)
			.query((rs, n) -> new AuditEntry(rs.getObject("id", UUID.class), SqlTime.read(rs, "occurred_at"),
					rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("action"),
					rs.getString("target"), rs.getString("detail"), rs.getString("source_address")))
			.list();
	}

	long count(UUID organizationId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE organization_id = ?")
			.param(organizationId)
			.query(Long.class)
			.single();
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}
}
