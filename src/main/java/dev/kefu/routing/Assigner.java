package dev.kefu.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.Conversations;
import dev.kefu.shared.Batches;
import dev.kefu.shared.SqlTime;

/**
 * One round of assignments, in one transaction: the oldest waiting conversations of a group (up to {@link #ROUND}) are
 * planned onto the group's free agents, the slots are taken with one conditional UPDATE per agent
 * ({@code active + n <= capacity}), then each queue entry is claimed and its conversation moved from QUEUED to ASSIGNED
 * (both conditional), each step one JDBC batch for the whole round. Whatever someone else got to first is left out or
 * given back, so nobody is assigned twice and no agent goes over capacity, whichever node or request is faster.
 *
 * <p>A round rather than one chat per transaction because a burst of new chats is exactly when assigning must keep up:
 * one round reads the queue and the agents once and commits once for all the chats that arrived meanwhile.
 */
@Component
class Assigner {

	/** At most this many chats per transaction, so agent rows are never locked for long. */
	static final int ROUND = 32;

	private final JdbcClient jdbcClient;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Conversations conversations;
	private final Slots slots;

	Assigner(JdbcClient jdbcClient, JdbcTemplate jdbc, TransactionTemplate transactions, Conversations conversations,
			Slots slots) {
		this.jdbcClient = jdbcClient;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.conversations = conversations;
		this.slots = slots;
	}

	/** One round; true when another may find more to do right away (a full round, or someone else was faster). */
	boolean assignRound(UUID organizationId, UUID groupId) {
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> round(organizationId, groupId)));
		}
		catch (PessimisticLockingFailureException contention) {
			return true;
		}
	}

	/** What became of an agent's pick. */
	enum Pick {
		/** The chat is the agent's. */
		ASSIGNED,
		/** The agent is not online or has no free slot (now); nothing changed. */
		NO_SLOT,
		/** Someone else got the chat first, or the customer left; nothing changed for the agent. */
		GONE,
		/** Lost a lock to another transaction; nothing changed, asking again may succeed. */
		CONTENDED
	}

	/**
	 * An agent picks one waiting chat by hand: the steps of a round, for one chat and one agent, in one transaction and
	 * in the same order (the agent's slot, then the queue entry, then the conversation), so picks and rounds guard each
	 * other through the same conditional updates and never lock in opposite orders.
	 */
	Pick pick(UUID organizationId, UUID groupId, UUID conversationId, UUID agentId, String agentName) {
		try {
			Pick pick = transactions.execute(status -> {
				if (!slots.take(agentId)) {
					return Pick.NO_SLOT;
				}
				int claimed = jdbc.update("DELETE FROM queue_entry WHERE conversation_id = ? AND group_id = ?",
						conversationId, groupId);
				if (claimed != 1) {
					status.setRollbackOnly(); // gives the slot back
					return Pick.GONE;
				}
				List<Conversation> assigned = conversations.assignAll(organizationId,
						List.of(new Conversations.Handover(conversationId, agentId, agentName)));
				if (assigned.isEmpty()) {
					// The customer left after all; the stale entry stays gone, as a round would leave it.
					slots.giveBack(agentId);
					return Pick.GONE;
				}
				slots.record(organizationId, groupId, assigned);
				return Pick.ASSIGNED;
			});
			return pick == null ? Pick.CONTENDED : pick;
		}
		catch (PessimisticLockingFailureException contention) {
			return Pick.CONTENDED;
		}
	}

	private boolean round(UUID organizationId, UUID groupId) {
		List<UUID> waiting = jdbcClient.sql("""
				SELECT conversation_id FROM queue_entry WHERE group_id = ? AND organization_id = ?
				ORDER BY queued_at, conversation_id LIMIT ?""")
			.params(groupId, organizationId, ROUND)
			.query(UUID.class)
			.list();
		if (waiting.isEmpty()) {
			return false;
		}
		List<AssignmentPlan.Candidate> candidates = candidates(groupId);
		if (candidates.isEmpty()) {
			return false;
		}
		Map<UUID, AssignmentPlan.Candidate> chosen = AssignmentPlan.of(waiting, candidates);
		Map<UUID, AssignmentPlan.Candidate> granted = takeSlots(chosen);
		assign(organizationId, groupId, granted);
		return waiting.size() == ROUND || granted.size() < chosen.size();
	}

	/** Online members of the group with a free slot, with what the plan needs to rank them. */
	private List<AssignmentPlan.Candidate> candidates(UUID groupId) {
		return jdbcClient.sql("""
				SELECT p.staff_id, p.display_name, p.capacity - p.active AS free, p.last_assigned_at
				FROM agent_presence p JOIN routing_membership m ON m.staff_id = p.staff_id
				WHERE m.group_id = ? AND p.status = 'ONLINE' AND p.active < p.capacity""")
			.param(groupId)
			.query((rs, row) -> new AssignmentPlan.Candidate(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getInt(3), SqlTime.read(rs, "last_assigned_at")))
			.list();
	}

	/**
	 * Takes each chosen agent's slots in one conditional UPDATE, agents in id order so that two nodes taking slots at
	 * once lock agent rows in the same order. An agent who has fewer free slots than planned by now (another group took
	 * one) gets none of this round's chats; they stay queued for the next round. Returns the plan minus those.
	 */
	private Map<UUID, AssignmentPlan.Candidate> takeSlots(Map<UUID, AssignmentPlan.Candidate> chosen) {
		Map<UUID, Integer> wanted = new TreeMap<>();
		chosen.values().forEach(agent -> wanted.merge(agent.staffId(), 1, Integer::sum));
		Set<UUID> refused = slots.take(wanted);
		Map<UUID, AssignmentPlan.Candidate> granted = new LinkedHashMap<>(chosen);
		granted.values().removeIf(agent -> refused.contains(agent.staffId()));
		return granted;
	}

	/**
	 * Claims the queue entries and assigns their conversations. A chat that is gone by now (claimed elsewhere, or the
	 * customer left) gives its slot back.
	 */
	private void assign(UUID organizationId, UUID groupId, Map<UUID, AssignmentPlan.Candidate> granted) {
		List<UUID> planned = List.copyOf(granted.keySet());
		int[] claimed = jdbc.batchUpdate("DELETE FROM queue_entry WHERE conversation_id = ?",
				planned.stream().map(id -> new Object[] { id }).toList());
		List<Conversations.Handover> handovers = new ArrayList<>();
		for (int i = 0; i < planned.size(); i++) {
			if (Batches.changedOne(claimed[i])) {
				AssignmentPlan.Candidate agent = granted.get(planned.get(i));
				handovers.add(new Conversations.Handover(planned.get(i), agent.staffId(), agent.displayName()));
			}
		}
		List<Conversation> assigned = conversations.assignAll(organizationId, handovers);
		slots.record(organizationId, groupId, assigned);
		Set<UUID> done = assigned.stream().map(Conversation::id).collect(Collectors.toSet());
		granted.forEach((conversationId, agent) -> {
			if (!done.contains(conversationId)) {
				slots.giveBack(agent.staffId());
			}
		});
	}
}
