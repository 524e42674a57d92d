package dev.kefu.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.conversation.Conversations;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.SqlTime;

/**
 * One assignment attempt, in one transaction: take the oldest waiting conversation of a group, take a slot from the
 * best candidate ({@code active < capacity}, conditional), claim the queue entry and move the conversation from QUEUED
 * to ASSIGNED (conditional). If any step finds someone else was faster, the attempt rolls back and nobody is
 * assigned twice or over capacity.
 */
@Component
class Assigner {

	enum Outcome {
		ASSIGNED, STALE_ENTRY_REMOVED, NOTHING_WAITING, NO_FREE_AGENT, RETRY
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Conversations conversations;
	private final StaffMembers staff;
	private final Slots slots;

	Assigner(JdbcClient jdbc, TransactionTemplate transactions, Conversations conversations, StaffMembers staff,
			Slots slots) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.conversations = conversations;
		this.staff = staff;
		this.slots = slots;
	}

	Outcome assignNext(UUID organizationId, UUID groupId) {
		try {
			return transactions.execute(status -> {
				Outcome outcome = attempt(organizationId, groupId);
				if (outcome == Outcome.RETRY) {
					status.setRollbackOnly();
				}
				return outcome;
			});
		}
		catch (PessimisticLockingFailureException contention) {
			return Outcome.RETRY;
		}
	}

	private Outcome attempt(UUID organizationId, UUID groupId) {
		record Entry(UUID conversationId, Instant queuedAt) {
		}
		List<Entry> oldest = jdbc.sql("""
				SELECT conversation_id, queued_at FROM queue_entry WHERE group_id = ? AND organization_id = ?
				ORDER BY queued_at, conversation_id LIMIT 1""")
			.params(groupId, organizationId)
			.query((rs, row) -> new Entry(rs.getObject(1, UUID.class), SqlTime.read(rs, "queued_at")))
			.list();
		if (oldest.isEmpty()) {
			return Outcome.NOTHING_WAITING;
		}
		UUID conversationId = oldest.getFirst().conversationId();
		for (UUID agentId : candidates(groupId)) {
			if (slots.take(agentId)) {
				return claim(organizationId, groupId, conversationId, agentId);
			}
		}
		return Outcome.NO_FREE_AGENT;
	}

	/** Online members of the group with a free slot: most free capacity first, then longest since last chat. */
	private List<UUID> candidates(UUID groupId) {
		return jdbc.sql("""
				SELECT p.staff_id FROM agent_presence p JOIN routing_membership m ON m.staff_id = p.staff_id
				WHERE m.group_id = ? AND p.status = 'ONLINE' AND p.active < p.capacity
				ORDER BY p.capacity - p.active DESC, p.last_assigned_at ASC NULLS FIRST, p.staff_id
				LIMIT 20""")
			.param(groupId)
			.query(UUID.class)
			.list();
	}

	private Outcome claim(UUID organizationId, UUID groupId, UUID conversationId, UUID agentId) {
		int claimed = jdbc.sql("DELETE FROM queue_entry WHERE conversation_id = ?").param(conversationId).update();
		if (claimed == 0) {
			return Outcome.RETRY;
		}
		String agentName = staff.find(organizationId, agentId).map(m -> m.displayName()).orElse("Agent");
		if (!conversations.assign(organizationId, conversationId, agentId, agentName)) {
			// The customer left meanwhile: the stale entry stays removed, the slot is given back.
			jdbc.sql("UPDATE agent_presence SET active = active - 1 WHERE staff_id = ?").param(agentId).update();
			return Outcome.STALE_ENTRY_REMOVED;
		}
		slots.record(organizationId, conversationId, agentId, groupId);
		return Outcome.ASSIGNED;
	}
}
