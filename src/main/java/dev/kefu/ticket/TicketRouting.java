package dev.kefu.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.routing.AgentLoad;
import dev.kefu.routing.AgentStatus;
import dev.kefu.routing.AgentStatusChanged;
import dev.kefu.routing.Agents;

/**
 * Who answers a ticket. A new ticket goes to the online agent of its group with the fewest tickets waiting for them;
 * with nobody online it waits, unassigned, and the first agent of the group to come online takes all that wait.
 * Every hand-out is a conditional update, so two agents coming online together on two nodes never share a ticket.
 */
@Component
class TicketRouting {

	private final Tickets tickets;
	private final Agents agents;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	TicketRouting(Tickets tickets, Agents agents, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.tickets = tickets;
		this.agents = agents;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Hands a stored ticket that nobody has to an online agent of its group. It must run after the ticket is
	 * committed: then either this sees an agent who came online meanwhile, or that agent's own hand-out (below) sees
	 * the ticket.
	 */
	Ticket toOnlineAgent(Ticket ticket) {
		List<UUID> online = agents.ofGroup(ticket.organizationId(), ticket.groupId())
			.stream()
			.filter(agent -> agent.status() == AgentStatus.ONLINE)
			.map(AgentLoad::staffId)
			.toList();
		if (online.isEmpty()) {
			return ticket;
		}
		Map<UUID, Integer> waiting = tickets.openCounts(ticket.organizationId(), online);
		UUID leastBusy = online.stream().min(Comparator.comparing(id -> waiting.getOrDefault(id, 0))).orElseThrow();
		transactions.executeWithoutResult(status -> take(ticket.organizationId(), ticket.id(), leastBusy));
		return tickets.require(ticket.organizationId(), ticket.id());
	}

	/**
	 * An agent came online: the open tickets of their groups that nobody has go to them, the longest waiting first.
	 * One transaction takes them in that order, so an agent racing for the same tickets waits on the first one and
	 * then finds them taken. A stale event (republished after a restart) hands nothing to an agent no longer online.
	 */
	@ApplicationModuleListener
	void on(AgentStatusChanged changed) {
		if (changed.status() != AgentStatus.ONLINE || changed.groupIds().isEmpty()) {
			return;
		}
		boolean stillOnline = agents.find(changed.organizationId(), changed.staffId())
			.filter(agent -> agent.status() == AgentStatus.ONLINE)
			.isPresent();
		if (!stillOnline) {
			return;
		}
		for (UUID ticketId : tickets.waitingUnassigned(changed.organizationId(), changed.groupIds())) {
			take(changed.organizationId(), ticketId, changed.staffId());
		}
	}

	/** Gives an unassigned ticket to the agent, within the caller's transaction; false if someone has it. */
	boolean take(UUID organizationId, UUID ticketId, UUID agentId) {
		Instant now = clock.instant();
		if (!tickets.assignIfUnassigned(organizationId, ticketId, agentId, now)) {
			return false;
		}
		Ticket ticket = tickets.require(organizationId, ticketId);
		events.publishEvent(new TicketAssigned(organizationId, ticketId, ticket.groupId(), agentId, null, now));
		return true;
	}
}
