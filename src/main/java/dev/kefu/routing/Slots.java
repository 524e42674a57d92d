package dev.kefu.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.conversation.Conversation;
import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.Batches;
import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;

/** Agent slots and the assignment rows that account for them. Releasing is idempotent: events may come twice. */
@Component
class Slots {

	private final JdbcClient jdbc;
	private final JdbcTemplate jdbcTemplate;
	private final Dispatcher dispatcher;
	private final Clock clock;

	Slots(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Dispatcher dispatcher, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	boolean take(UUID agentId) {
		return take(Map.of(agentId, 1)).isEmpty();
	}

	/**
	 * Takes so many slots of each online agent, in one batch and in the map's order; an agent without that many free
	 * slots gives none. Returns those agents.
	 */
	Set<UUID> take(Map<UUID, Integer> wanted) {
		Instant now = clock.instant();
		List<UUID> agents = List.copyOf(wanted.keySet());
		int[] taken = jdbcTemplate.batchUpdate("""
				UPDATE agent_presence SET active = active + ?, last_assigned_at = ?
				WHERE staff_id = ? AND status = 'ONLINE' AND active + ? <= capacity""", agents.stream()
			.map(agentId -> new Object[] { wanted.get(agentId), SqlTime.of(now), agentId, wanted.get(agentId) })
			.toList());
		Set<UUID> refused = new HashSet<>();
		for (int i = 0; i < agents.size(); i++) {
			if (!Batches.changedOne(taken[i])) {
				refused.add(agents.get(i));
			}
		}
		return refused;
	}

	/**
	 * Counts a chat a supervisor took over against their load, full or not: taking over is a decision about one
	 * customer, not a routing choice. Staff who never took the desk have no load to count it in.
	 */
	void takeAnyway(UUID agentId) {
		jdbc.sql("UPDATE agent_presence SET active = active + 1, last_assigned_at = ? WHERE staff_id = ?")
			.params(SqlTime.of(clock.instant()), agentId)
			.update();
	}

	/** Returns a slot taken for a chat that turned out to be gone. */
	void giveBack(UUID agentId) {
		jdbc.sql("UPDATE agent_presence SET active = active - 1 WHERE staff_id = ? AND active > 0").param(agentId).update();
	}

	void record(UUID organizationId, UUID conversationId, UUID agentId, UUID groupId) {
		jdbcTemplate.update(INSERT_ASSIGNMENT, assignment(organizationId, conversationId, agentId, groupId));
	}

	/** The assignment rows of a round, in one batch. */
	void record(UUID organizationId, UUID groupId, List<Conversation> assigned) {
		jdbcTemplate.batchUpdate(INSERT_ASSIGNMENT, assigned.stream()
			.map(c -> assignment(organizationId, c.id(), c.agentId(), groupId))
			.toList());
	}

	private static final String INSERT_ASSIGNMENT = """
			INSERT INTO assignment (id, conversation_id, organization_id, agent_id, group_id, assigned_at)
			VALUES (?, ?, ?, ?, ?, ?)""";

	private Object[] assignment(UUID organizationId, UUID conversationId, UUID agentId, UUID groupId) {
		return new Object[] { Ids.newId(), conversationId, organizationId, agentId, groupId,
				SqlTime.of(clock.instant()) };
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
			giveBack(agentId);
			List<UUID> groupIds = jdbc.sql("SELECT group_id FROM routing_membership WHERE staff_id = ?")
				.param(agentId)
				.query(UUID.class)
				.list();
			AfterCommit.run(() -> groupIds.forEach(groupId -> dispatcher.request(held.organizationId(), groupId)));
		}
	}
}
