package dev.kefu.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.kefu.conversation.Conversations;
import dev.kefu.conversation.Participant;
import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.OfflinePolicy;
import dev.kefu.shared.DomainException;
import dev.kefu.shared.SqlTime;

/**
 * Two periodic duties that survive restarts because they read their state from the database: taking offline agents
 * no node has seen for the presence timeout (their node died), and applying the requeue policy to chats of agents
 * who stayed offline longer than their group allows.
 */
@Component
class PresenceSweeper {

	private static final Logger log = LoggerFactory.getLogger(PresenceSweeper.class);

	private final JdbcClient jdbc;
	private final Agents agents;
	private final Presence presence;
	private final Groups groups;
	private final Conversations conversations;
	private final Transfers transfers;
	private final RoutingProperties properties;
	private final Clock clock;

	PresenceSweeper(JdbcClient jdbc, Agents agents, Presence presence, Groups groups, Conversations conversations,
			Transfers transfers, RoutingProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.agents = agents;
		this.presence = presence;
		this.groups = groups;
		this.conversations = conversations;
		this.transfers = transfers;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${kefu.routing.sweep-interval:15s}")
	void sweep() {
		takeUnseenAgentsOffline();
		requeueChatsOfOfflineAgents();
	}

	void takeUnseenAgentsOffline() {
		Instant cutoff = clock.instant().minus(properties.presenceTimeout());
		record Unseen(UUID staffId, UUID organizationId) {
		}
		jdbc.sql("SELECT staff_id, organization_id FROM agent_presence WHERE status <> 'OFFLINE' AND last_seen_at < ?")
			.param(SqlTime.of(cutoff))
			.query((rs, row) -> new Unseen(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list()
			.stream()
			.filter(unseen -> !presence.isConnected(unseen.staffId()))
			.forEach(unseen -> agents.presenceLost(unseen.organizationId(), unseen.staffId()));
	}

	void requeueChatsOfOfflineAgents() {
		Instant now = clock.instant();
		record Held(UUID conversationId, UUID organizationId, UUID groupId, Instant offlineSince) {
		}
		List<Held> held = jdbc.sql("""
				SELECT a.conversation_id, a.organization_id, a.group_id, p.status_since
				FROM assignment a JOIN agent_presence p ON p.staff_id = a.agent_id
				WHERE a.released_at IS NULL AND p.status = 'OFFLINE'""")
			.query((rs, row) -> new Held(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), SqlTime.read(rs, "status_since")))
			.list();
		for (Held h : held) {
			BusinessGroup group = groups.find(h.organizationId(), h.groupId()).orElse(null);
			if (group == null || group.offlinePolicy() != OfflinePolicy.REQUEUE
					|| h.offlineSince().plus(group.requeueAfter()).isAfter(now)) {
				continue;
			}
			conversations.find(h.organizationId(), h.conversationId()).ifPresent(c -> {
				try {
					transfers.requeue(c, group.id(), Participant.system(), "agent-offline", null);
				}
				catch (DomainException changedMeanwhile) {
					log.debug("Conversation {} changed while requeueing: {}", c.id(), changedMeanwhile.getMessage());
				}
			});
		}
	}
}
