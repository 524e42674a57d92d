package dev.kefu.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.kefu.conversation.Conversation;
import dev.kefu.shared.ShortLived;
import dev.kefu.shared.SqlTime;

/** The group queues: who waits, in which place, for about how long. */
@Service
public class Queues {

	private final JdbcClient jdbc;
	private final RoutingProperties properties;
	private final Clock clock;
	/** An estimate, not an account: a second or two old is as good, and every new chat asks for one. */
	private final ShortLived<UUID, Double> secondsPerPlace = new ShortLived<>(Duration.ofSeconds(2));

	Queues(JdbcClient jdbc, RoutingProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** Why a customer cannot be put in a queue right now; they are offered leave-a-message instead. */
	public enum Unavailability {
		OUTSIDE_BUSINESS_HOURS, NO_AGENT_ONLINE, QUEUE_FULL
	}

	void enqueue(Conversation conversation, Instant queuedAt) {
		jdbc.sql("""
				INSERT INTO queue_entry (conversation_id, organization_id, group_id, contact_id, queued_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(conversation.id(), conversation.organizationId(), conversation.groupId(), conversation.contactId(),
					SqlTime.of(queuedAt))
			.update();
	}

	boolean remove(UUID conversationId) {
		return jdbc.sql("DELETE FROM queue_entry WHERE conversation_id = ?").param(conversationId).update() > 0;
	}

	/** A waiting customer's contact was merged into another: queue updates go to the survivor's widget. */
	void moveContact(UUID organizationId, UUID fromContactId, UUID toContactId) {
		jdbc.sql("UPDATE queue_entry SET contact_id = ? WHERE organization_id = ? AND contact_id = ?")
			.params(toContactId, organizationId, fromContactId)
			.update();
	}

	/** Whether a new chat can wait in this group now (business hours are checked by the intake). */
	Optional<Unavailability> unavailability(UUID organizationId, UUID groupId, int queueLimit) {
		record Seats(int online, int free) {
		}
		Seats seats = jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(p.capacity - p.active), 0)
				FROM agent_presence p JOIN routing_membership m ON m.staff_id = p.staff_id
				WHERE m.group_id = ? AND p.organization_id = ? AND p.status = 'ONLINE'""")
			.params(groupId, organizationId)
			.query((rs, row) -> new Seats(rs.getInt(1), rs.getInt(2)))
			.single();
		if (seats.online() == 0) {
			return Optional.of(Unavailability.NO_AGENT_ONLINE);
		}
		if (seats.free() <= 0 && waiting(groupId) >= queueLimit) {
			return Optional.of(Unavailability.QUEUE_FULL);
		}
		return Optional.empty();
	}

	public int waiting(UUID groupId) {
		return jdbc.sql("SELECT COUNT(*) FROM queue_entry WHERE group_id = ?").param(groupId).query(Integer.class).single();
	}

	/** A conversation waiting in a group's queue since {@code queuedAt}. */
	record Waiting(UUID conversationId, UUID groupId, UUID contactId, Instant queuedAt) {
	}

	/** The chats that have waited longest in any of these groups, longest first, and how many wait in all. */
	record Longest(List<Waiting> head, int count) {
	}

	Longest longestWaiting(UUID organizationId, Collection<UUID> groupIds, int limit) {
		if (groupIds.isEmpty()) {
			return new Longest(List.of(), 0);
		}
		List<Waiting> head = jdbc.sql("""
				SELECT conversation_id, group_id, contact_id, queued_at FROM queue_entry
				WHERE group_id IN (:groups) AND organization_id = :org ORDER BY queued_at, conversation_id LIMIT :limit""")
			.param("groups", groupIds)
			.param("org", organizationId)
			.param("limit", limit)
			.query((rs, row) -> new Waiting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), SqlTime.read(rs, "queued_at")))
			.list();
		int count = head.size() < limit ? head.size()
				: jdbc.sql("SELECT COUNT(*) FROM queue_entry WHERE group_id IN (:groups) AND organization_id = :org")
					.param("groups", groupIds)
					.param("org", organizationId)
					.query(Integer.class)
					.single();
		return new Longest(head, count);
	}

	Optional<Waiting> waiting(UUID organizationId, UUID conversationId) {
		return jdbc.sql("""
				SELECT conversation_id, group_id, contact_id, queued_at FROM queue_entry
				WHERE conversation_id = ? AND organization_id = ?""")
			.params(conversationId, organizationId)
			.query((rs, row) -> new Waiting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), SqlTime.read(rs, "queued_at")))
			.optional();
	}

	/** Every waiting conversation of a group, next first, with its estimated wait. */
	public List<QueuePosition> positions(UUID organizationId, UUID groupId) {
		record Entry(UUID conversationId, UUID contactId, Instant queuedAt) {
		}
		List<Entry> entries = jdbc.sql("""
				SELECT conversation_id, contact_id, queued_at FROM queue_entry
				WHERE group_id = ? AND organization_id = ? ORDER BY queued_at, conversation_id""")
			.params(groupId, organizationId)
			.query((rs, row) -> new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					SqlTime.read(rs, "queued_at")))
			.list();
		if (entries.isEmpty()) {
			return List.of();
		}
		double secondsPerPlace = secondsPerPlace(organizationId, groupId);
		List<QueuePosition> positions = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			Entry e = entries.get(i);
			positions.add(new QueuePosition(e.conversationId(), e.contactId(), groupId, i + 1, e.queuedAt(),
					Math.round((i + 1) * secondsPerPlace)));
		}
		return positions;
	}

	/**
	 * One waiting conversation's place, counted rather than read from the whole queue: every new chat asks for its own
	 * place, and during a burst the queue it would have to read is the burst.
	 */
	public Optional<QueuePosition> position(UUID organizationId, UUID conversationId) {
		record Entry(UUID groupId, UUID contactId, Instant queuedAt) {
		}
		return jdbc.sql("""
				SELECT group_id, contact_id, queued_at FROM queue_entry WHERE conversation_id = ? AND organization_id = ?""")
			.params(conversationId, organizationId)
			.query((rs, row) -> new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					SqlTime.read(rs, "queued_at")))
			.optional()
			.map(e -> {
				int place = 1 + jdbc.sql("""
						SELECT COUNT(*) FROM queue_entry WHERE group_id = ?
						AND (queued_at < ? OR (queued_at = ? AND conversation_id < ?))""")
					.params(e.groupId(), SqlTime.of(e.queuedAt()), SqlTime.of(e.queuedAt()), conversationId)
					.query(Integer.class)
					.single();
				return new QueuePosition(conversationId, e.contactId(), e.groupId(), place, e.queuedAt(),
						Math.round(place * secondsPerPlace(organizationId, e.groupId())));
			});
	}

	/**
	 * How long each place in the queue takes: the group's recent average handle time divided by the chats its online
	 * agents can hold at once. With nobody online there is no honest estimate, so it assumes one slot.
	 */
	private double secondsPerPlace(UUID organizationId, UUID groupId) {
		return secondsPerPlace.get(groupId, id -> measureSecondsPerPlace(organizationId, groupId));
	}

	private double measureSecondsPerPlace(UUID organizationId, UUID groupId) {
		Instant since = clock.instant().minus(Duration.ofDays(7));
		List<Duration> recent = jdbc.sql("""
				SELECT assigned_at, released_at FROM assignment
				WHERE group_id = ? AND released_at IS NOT NULL AND released_at > ?
				ORDER BY released_at DESC LIMIT 100""")
			.params(groupId, SqlTime.of(since))
			.query((rs, row) -> Duration.between(SqlTime.read(rs, "assigned_at"), SqlTime.read(rs, "released_at")))
			.list();
		double handleSeconds = recent.isEmpty() ? properties.defaultHandleTime().toSeconds()
				: recent.stream().mapToLong(Duration::toSeconds).average().orElse(0);
		int slots = jdbc.sql("""
				SELECT COALESCE(SUM(p.capacity), 0) FROM agent_presence p
				JOIN routing_membership m ON m.staff_id = p.staff_id
				WHERE m.group_id = ? AND p.organization_id = ? AND p.status = 'ONLINE'""")
			.params(groupId, organizationId)
			.query(Integer.class)
			.single();
		return handleSeconds / Math.max(1, slots);
	}
}
