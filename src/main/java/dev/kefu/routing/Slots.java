package dev.kefu.routing;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;

/** Agent slots and the assignment rows that account for them. Releasing is idempotent: events may come twice. */
@Component
class Slots {

	private final JdbcClient jdbc;
	private final Dispatcher dispatcher;
	private final Clock clock;

	Slots(JdbcClient jdbc, Dispatcher dispatcher, Clock clock) {
		this.jdbc = jdbc;
		this.dispatcher = dispatcher;
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

	/**
	 * Ends the conversation's current assignment, if any, and frees that agent's slot. Once committed, the slot is
	 * offered to every group the agent serves: the chat that waits for it may be in another group than the one that
	 * was released, and nothing else would wake that group's queue.
	 */
	void release(UUID conversationId) {
		record Held(UUID agentId, UUID organizationId) {
		}
		Held held = jdbc.sql("""
				SELECT agent_id, organization_id FROM assignment WHERE conversation_id = ? AND released_at IS NULL""")
			.param(conversationId)
			.query((rs, row) -> new Held(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.optional()
			.orElse(null);
		if (held == null) {
			return;
		}
		UUID agentId = held.agentId();
		int released = jdbc.sql("""
				UPDATE assignment SET released_at = ? WHERE conversation_id = ? AND agent_id = ? AND released_at IS NULL""")
			.params(SqlTime.of(clock.instant()), conversationId, agentId)
			.update();
		if (released > 0) {
			jdbc.sql("UPDATE agent_presence SET active = active - 1 WHERE staff_id = ? AND active > 0")
				.param(agentId)
				.update();
			List<UUID> groupIds = jdbc.sql("SELECT group_id FROM routing_membership WHERE staff_id = ?")
				.param(agentId)
				.query(UUID.class)
				.list();
			AfterCommit.run(() -> groupIds.forEach(groupId -> dispatcher.request(held.organizationId(), groupId)));
		}
	}
}
