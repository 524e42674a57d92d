package dev.kefu.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.Text;

/** The findings of the inspection rules. Every read is scoped to an organization. */
@Component
class Findings {

	private static final int MAX_DETAIL = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate jdbcTemplate;

	Findings(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Stores what the rules saw in a conversation. What was stored before for the same rule and message (or the whole
	 * conversation) is kept as it was: the unique key makes an inspection repeated for a redelivered event a no-op.
	 */
	void record(UUID organizationId, UUID conversationId, List<InspectionRule.Observation> observations, Instant now) {
		if (observations.isEmpty()) {
			return;
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO quality_finding (id, organization_id, conversation_id, agent_id, rule, message_id, seq,
				                             occurrence, detail, found_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", observations.stream().map(o -> {
			Transcript.Line line = o.line();
			String detail = o.detail().length() <= MAX_DETAIL ? o.detail() : Text.cut(o.detail(), MAX_DETAIL - 1) + "…";
			return new Object[] { Ids.newId(), organizationId, conversationId, o.agentId(), o.rule(),
					line == null ? null : line.messageId(), line == null ? null : line.seq(),
					line == null ? 0L : line.seq(), detail, SqlTime.of(now) };
		}).toList());
	}

	List<Finding> ofConversation(UUID organizationId, UUID conversationId) {
		return jdbc.sql("""
				SELECT * FROM quality_finding WHERE organization_id = ? AND conversation_id = ?
				ORDER BY occurrence, rule""")
			.params(organizationId, conversationId)
			.query(Findings::map)
			.list();
	}

	/** The newest findings first, of one agent and one rule when given. */
	List<Finding> search(UUID organizationId, @Nullable UUID agentId, @Nullable String rule, int limit) {
		return jdbc.sql("""
				SELECT * FROM quality_finding
				WHERE organization_id = :org
				  AND (CAST(:agent AS UUID) IS NULL OR agent_id = :agent)
				  AND (CAST(:rule AS VARCHAR) IS NULL OR rule = :rule)
				ORDER BY found_at DESC, conversation_id, occurrence LIMIT :limit""")
			.param("org", organizationId)
			.param("agent", agentId)
			.param("rule", rule)
			.param("limit", limit)
			.query(Findings::map)
			.list();
	}

	private static Finding map(ResultSet rs, int row) throws SQLException {
		return new Finding(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getObject("conversation_id", UUID.class), rs.getObject("agent_id", UUID.class), rs.getString("rule"),
				rs.getObject("message_id", UUID.class), rs.getObject("seq", Long.class), rs.getString("detail"),
				SqlTime.read(rs, "found_at"));
	}
}
