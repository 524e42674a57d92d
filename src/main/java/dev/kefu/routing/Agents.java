package dev.kefu.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;

/** Agents' status and load as routing sees them. */
@Service
public class Agents {

	private final JdbcClient jdbc;
	private final StaffMembers staff;
	private final Dispatcher dispatcher;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Agents(JdbcClient jdbc, StaffMembers staff, Dispatcher dispatcher, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.dispatcher = dispatcher;
		this.events = events;
		this.clock = clock;
	}

	/** The agent chose a status. Going online pulls waiting chats of their groups at once. */
	@Transactional
	public AgentLoad choose(UUID organizationId, UUID staffId, AgentStatus status) {
		StaffMember member = staff.require(organizationId, staffId);
		if (status == AgentStatus.ONLINE && member.maxChats() == 0) {
			throw new RequestRejected("no-capacity", "your chat capacity is 0; ask an admin to raise it");
		}
		refresh(member);
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE agent_presence SET wanted_status = ?, last_seen_at = ?,
				       status_since = CASE WHEN status = ? THEN status_since ELSE ? END, status = ?
				WHERE staff_id = ?""")
			.params(status.name(), SqlTime.of(now), status.name(), SqlTime.of(now), status.name(), staffId)
			.update();
		announce(member, status);
		return require(organizationId, staffId);
	}

	/** Effective status changes made by presence, keeping what the agent chose. */
	@Transactional
	public void presenceLost(UUID organizationId, UUID staffId) {
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE agent_presence SET status = 'OFFLINE', status_since = ?
				WHERE staff_id = ? AND organization_id = ? AND status <> 'OFFLINE'""")
			.params(SqlTime.of(now), staffId, organizationId)
			.update();
		if (changed > 0) {
			staff.find(organizationId, staffId).ifPresent(member -> announce(member, AgentStatus.OFFLINE));
		}
	}

	/** The agent is back: restore the status they had chosen. */
	@Transactional
	public void presenceRegained(UUID organizationId, UUID staffId) {
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE agent_presence SET status = wanted_status, status_since = ?, last_seen_at = ?
				WHERE staff_id = ? AND organization_id = ? AND status <> wanted_status""")
			.params(SqlTime.of(now), SqlTime.of(now), staffId, organizationId)
			.update();
		if (changed > 0) {
			find(organizationId, staffId).ifPresent(load -> staff.find(organizationId, staffId)
				.ifPresent(member -> announce(member, load.status())));
		}
	}

	/** Copies capacity, name and groups from the organization; called on status changes and staff edits. */
	@Transactional
	public void refresh(StaffMember member) {
		Instant now = clock.instant();
		int capacity = member.enabled() ? member.maxChats() : 0;
		int updated = jdbc.sql("UPDATE agent_presence SET capacity = ?, display_name = ? WHERE staff_id = ?")
			.params(capacity, member.displayName(), member.id())
			.update();
		if (updated == 0) {
			// Two first logins at once (two tabs) both insert: the loser's row simply is the winner's. Not a caught
			// duplicate key, which on PostgreSQL would abort the whole transaction.
			jdbc.sql("""
					INSERT INTO agent_presence (staff_id, organization_id, display_name, status, wanted_status,
					                            capacity, active, status_since, last_seen_at)
					VALUES (?, ?, ?, 'OFFLINE', 'OFFLINE', ?, 0, ?, ?) ON CONFLICT DO NOTHING""")
				.params(member.id(), member.organizationId(), member.displayName(), capacity, SqlTime.of(now),
						SqlTime.of(now))
				.update();
		}
		jdbc.sql("DELETE FROM routing_membership WHERE staff_id = ?").param(member.id()).update();
		for (UUID groupId : member.groupIds()) {
			jdbc.sql("""
					INSERT INTO routing_membership (group_id, staff_id, organization_id) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING""")
				.params(groupId, member.id(), member.organizationId())
				.update();
		}
	}

	/** Marks agents connected on this node as alive, so other nodes do not time them out. */
	void seen(Collection<UUID> staffIds) {
		Instant now = clock.instant();
		for (UUID staffId : staffIds) {
			jdbc.sql("UPDATE agent_presence SET last_seen_at = ? WHERE staff_id = ?")
				.params(SqlTime.of(now), staffId)
				.update();
		}
	}

	public Optional<AgentLoad> find(UUID organizationId, UUID staffId) {
		return jdbc.sql("SELECT * FROM agent_presence WHERE staff_id = ? AND organization_id = ?")
			.params(staffId, organizationId)
			.query(Agents::map)
			.optional();
	}

	public AgentLoad require(UUID organizationId, UUID staffId) {
		return find(organizationId, staffId).orElseGet(() -> {
			StaffMember member = staff.find(organizationId, staffId)
				.orElseThrow(() -> new ResourceNotFound("agent", staffId));
			return new AgentLoad(staffId, organizationId, member.displayName(), AgentStatus.OFFLINE,
					AgentStatus.OFFLINE, member.maxChats(), 0, clock.instant());
		});
	}

	/** Agents of a group, for live views. */
	public List<AgentLoad> ofGroup(UUID organizationId, UUID groupId) {
		return jdbc.sql("""
				SELECT p.* FROM agent_presence p JOIN routing_membership m ON m.staff_id = p.staff_id
				WHERE m.group_id = ? AND p.organization_id = ? ORDER BY p.display_name""")
			.params(groupId, organizationId)
			.query(Agents::map)
			.list();
	}

	List<UUID> groupsOf(UUID staffId) {
		return jdbc.sql("SELECT group_id FROM routing_membership WHERE staff_id = ?").param(staffId).query(UUID.class).list();
	}

	private void announce(StaffMember member, AgentStatus status) {
		events.publishEvent(new AgentStatusChanged(member.organizationId(), member.id(), status, member.groupIds()));
		AfterCommit.run(() -> member.groupIds().forEach(groupId -> {
			if (status == AgentStatus.ONLINE) {
				dispatcher.request(member.organizationId(), groupId);
			}
			else {
				events.publishEvent(new QueueChanged(member.organizationId(), groupId));
			}
		}));
	}

	static AgentLoad map(ResultSet rs, int row) throws SQLException {
		return new AgentLoad(rs.getObject("staff_id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getString("display_name"), AgentStatus.valueOf(rs.getString("status")),
				AgentStatus.valueOf(rs.getString("wanted_status")), rs.getInt("capacity"), rs.getInt("active"),
				SqlTime.read(rs, "status_since"));
	}
}
