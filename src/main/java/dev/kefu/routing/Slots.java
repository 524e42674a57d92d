package dev.kefu.routing;

import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;

/** Agent slots and the assignment rows that account for them. Releasing is idempotent: events may come twice. */
@Component
class Slots {

	private final JdbcClient jdbc;
	private final Clock clock;

	Slots(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean take(UUID agentId) {
		return jdbc.sql("""
				UPDATE agent_presence SET active = active + 1, last_assigned_at = ?
				WHERE staff_id = ? AND status = 'ONLINE' AND active < capacity""")
			.params(SqlTime.of(clock.instant()), agentId)
			.update() == 1;
	}

	void record(UUID organizationId, UUID conversationId, UUID agentId, UUID groupId) {
		jdbc.sql("""
				INSERT INTO assignment (id, conversation_id, organization_id, agent_id, group_id, assigned_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(Ids.newId(), conversationId, organizationId, agentId, groupId, SqlTime.of(clock.instant()))
			.update();
	}

	/** Ends the conversation's current assignment, if any, and frees that agent's slot. */
	void release(UUID conversationId) {
		UUID agentId = jdbc.sql("SELECT agent_id FROM assignment WHERE conversation_id = ? AND released_at IS NULL")
			.param(conversationId)
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (agentId == null) {
			return;
		}
		int released = jdbc.sql("""
				UPDATE assignment SET released_at = ? WHERE conversation_id = ? AND agent_id = ? AND released_at IS NULL""")
			.params(SqlTime.of(clock.instant()), conversationId, agentId)
			.update();
		if (released > 0) {
			jdbc.sql("UPDATE agent_presence SET active = active - 1 WHERE staff_id = ? AND active > 0")
				.param(agentId)
				.update();
		}
	}
}
