package dev.kefu.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.ShortLived;
import dev.kefu.shared.StateConflict;

/** Service centers, business groups and their opening hours. */
@Service
public class Groups {

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<GroupUsage> usages;
	private final ShortLived<RoutableKey, Routable> routables = new ShortLived<>(ROUTING_VIEW_LIFETIME);

	/** How long another node may route with a group's old settings after they changed. */
	public static final Duration ROUTING_VIEW_LIFETIME = Duration.ofSeconds(5);

	private record RoutableKey(UUID organizationId, @Nullable UUID groupId) {
	}

	Groups(JdbcClient jdbc, Organizations organizations, ApplicationEventPublisher events,
			ObjectProvider<GroupUsage> usages) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.events = events;
		this.usages = usages;
	}

	@Transactional
	public ServiceCenter createCenter(UUID organizationId, String name) {
		requireName(name);
		ServiceCenter center = new ServiceCenter(Ids.newId(), organizationId, name.strip());
		uniqueName(() -> jdbc.sql("INSERT INTO service_center (id, organization_id, name) VALUES (?, ?, ?)")
			.params(center.id(), organizationId, center.name())
			.update());
		return center;
	}

	@Transactional
	public ServiceCenter renameCenter(UUID organizationId, UUID centerId, String name) {
		requireName(name);
		requireCenter(organizationId, centerId);
		uniqueName(() -> jdbc.sql("UPDATE service_center SET name = ? WHERE id = ? AND organization_id = ?")
			.params(name.strip(), centerId, organizationId)
			.update());
		return requireCenter(organizationId, centerId);
	}

	/** Refused while groups belong to the center: they would be left without one. */
	@Transactional
	public void deleteCenter(UUID organizationId, UUID centerId) {
		requireCenter(organizationId, centerId);
		long groupCount = jdbc.sql("SELECT COUNT(*) FROM business_group WHERE center_id = ?")
			.param(centerId)
			.query(Long.class)
			.single();
		if (groupCount > 0) {
			throw new StateConflict("center-has-groups", "the center still has " + groupCount
					+ " group(s); move or delete them first");
		}
		jdbc.sql("DELETE FROM service_center WHERE id = ? AND organization_id = ?")
			.params(centerId, organizationId)
			.update();
	}

	public List<ServiceCenter> centers(UUID organizationId) {
		return jdbc.sql("SELECT * FROM service_center WHERE organization_id = ? ORDER BY name")
			.param(organizationId)
			.query((rs, row) -> new ServiceCenter(rs.getObject("id", UUID.class), organizationId, rs.getString("name")))
			.list();
	}

	public ServiceCenter requireCenter(UUID organizationId, UUID centerId) {
		return centers(organizationId).stream()
			.filter(center -> center.id().equals(centerId))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFound("service center", centerId));
	}

	@Transactional
	public BusinessGroup createGroup(UUID organizationId, UUID centerId, String name, int queueLimit,
			OfflinePolicy offlinePolicy, Duration requeueAfter) {
		requireName(name);
		requireCenter(organizationId, centerId);
		validate(queueLimit, requeueAfter);
		BusinessGroup group = new BusinessGroup(Ids.newId(), organizationId, centerId, name.strip(), queueLimit,
				offlinePolicy, requeueAfter, ReplyTargets.DEFAULT, QueueAccess.DEFAULT);
		uniqueName(() -> jdbc.sql("""
				INSERT INTO business_group (id, organization_id, center_id, name, queue_limit, offline_policy,
				                            requeue_after_minutes)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(group.id(), organizationId, centerId, group.name(), queueLimit, offlinePolicy.name(),
					requeueAfter.toMinutes())
			.update());
		forgetRoutables();
		return group;
	}

	/** Changes a group and keeps its center. */
	@Transactional
	public BusinessGroup updateGroup(UUID organizationId, UUID groupId, String name, int queueLimit,
			OfflinePolicy offlinePolicy, Duration requeueAfter) {
		return updateGroup(organizationId, groupId, require(organizationId, groupId).centerId(), name, queueLimit,
				offlinePolicy, requeueAfter);
	}

	@Transactional
	public BusinessGroup updateGroup(UUID organizationId, UUID groupId, UUID centerId, String name, int queueLimit,
			OfflinePolicy offlinePolicy, Duration requeueAfter) {
		requireName(name);
		validate(queueLimit, requeueAfter);
		require(organizationId, groupId);
		requireCenter(organizationId, centerId);
		uniqueName(() -> jdbc.sql("""
				UPDATE business_group SET center_id = ?, name = ?, queue_limit = ?, offline_policy = ?,
				                          requeue_after_minutes = ?
				WHERE id = ? AND organization_id = ?""")
			.params(centerId, name.strip(), queueLimit, offlinePolicy.name(), requeueAfter.toMinutes(), groupId,
					organizationId)
			.update());
		events.publishEvent(new GroupChanged(organizationId, groupId));
		forgetRoutables();
		return require(organizationId, groupId);
	}

	@Transactional
	public BusinessGroup changeReplyTargets(UUID organizationId, UUID groupId, ReplyTargets targets) {
		require(organizationId, groupId);
		jdbc.sql("UPDATE business_group SET reply_warn_seconds = ?, reply_alert_seconds = ? WHERE id = ?")
			.params(targets.warnAfter().toSeconds(), targets.alertAfter().toSeconds(), groupId)
			.update();
		events.publishEvent(new GroupChanged(organizationId, groupId));
		forgetRoutables();
		return require(organizationId, groupId);
	}

	/** Who takes the group's waiting chats; routing drains the queue again once this commits. */
	@Transactional
	public BusinessGroup changeQueueAccess(UUID organizationId, UUID groupId, QueueAccess access) {
		require(organizationId, groupId);
		jdbc.sql("UPDATE business_group SET auto_assign = ?, agents_may_pick = ? WHERE id = ?")
			.params(access.autoAssign(), access.agentsMayPick(), groupId)
			.update();
		events.publishEvent(new GroupChanged(organizationId, groupId));
		forgetRoutables();
		return require(organizationId, groupId);
	}

	/**
	 * Only an empty group goes: no members, not the widget's default, and nothing waiting or being served in it
	 * (asked of every {@link GroupUsage}). Otherwise the answer says what still holds it.
	 */
	@Transactional
	public void deleteGroup(UUID organizationId, UUID groupId) {
		require(organizationId, groupId);
		long members = jdbc.sql("SELECT COUNT(*) FROM group_member WHERE group_id = ?")
			.param(groupId)
			.query(Long.class)
			.single();
		if (members > 0) {
			throw new StateConflict("group-has-members",
					"the group still has " + members + " member(s); remove them from the group first");
		}
		if (groupId.equals(defaultGroupId(organizationId))) {
			throw new StateConflict("group-is-default", "the widget sends visitors to this group; choose another first");
		}
		usages.orderedStream()
			.map(usage -> usage.blocksDeletion(organizationId, groupId))
			.flatMap(Optional::stream)
			.findFirst()
			.ifPresent(reason -> {
				throw new StateConflict("group-in-use", reason);
			});
		jdbc.sql("DELETE FROM business_hours WHERE group_id = ?").param(groupId).update();
		jdbc.sql("DELETE FROM business_group WHERE id = ? AND organization_id = ?")
			.params(groupId, organizationId)
			.update();
		forgetRoutables();
	}

	public Optional<BusinessGroup> find(UUID organizationId, UUID groupId) {
		return jdbc.sql("SELECT * FROM business_group WHERE id = ? AND organization_id = ?")
			.params(groupId, organizationId)
			.query(Groups::map)
			.optional();
	}

	public BusinessGroup require(UUID organizationId, UUID groupId) {
		return find(organizationId, groupId).orElseThrow(() -> new ResourceNotFound("group", groupId));
	}

	public List<BusinessGroup> all(UUID organizationId) {
		return jdbc.sql("SELECT * FROM business_group WHERE organization_id = ? ORDER BY name")
			.param(organizationId)
			.query(Groups::map)
			.list();
	}

	/** The group a visitor lands in when the widget names none: the configured default, else the first by name. */
	public BusinessGroup defaultGroup(UUID organizationId) {
		UUID configured = defaultGroupId(organizationId);
		if (configured != null) {
			Optional<BusinessGroup> group = find(organizationId, configured);
			if (group.isPresent()) {
				return group.get();
			}
		}
		return all(organizationId).stream()
			.findFirst()
			.orElseThrow(() -> new ResourceNotFound("group of organization", organizationId));
	}

	@Transactional
	public void replaceHours(UUID organizationId, UUID groupId, List<OpeningHours> hours) {
		require(organizationId, groupId);
		OpeningHours.checkWeek(hours);
		jdbc.sql("DELETE FROM business_hours WHERE group_id = ?").param(groupId).update();
		for (OpeningHours h : hours) {
			jdbc.sql("INSERT INTO business_hours (group_id, day_of_week, opens_at, closes_at) VALUES (?, ?, ?, ?)")
				.params(groupId, h.dayOfWeek(), h.opensAt(), h.closesAt())
				.update();
		}
		forgetRoutables();
	}

	public List<OpeningHours> hours(UUID organizationId, UUID groupId) {
		require(organizationId, groupId);
		return jdbc.sql("SELECT * FROM business_hours WHERE group_id = ? ORDER BY day_of_week, opens_at")
			.param(groupId)
			.query((rs, row) -> new OpeningHours(rs.getInt("day_of_week"), rs.getObject("opens_at", LocalTime.class),
					rs.getObject("closes_at", LocalTime.class)))
			.list();
	}

	/**
	 * Replaces the group's holidays: dates closed all day or with other hours than the week's (see {@link Holiday}).
	 */
	@Transactional
	public List<Holiday> replaceHolidays(UUID organizationId, UUID groupId, List<Holiday> holidays) {
		require(organizationId, groupId);
		List<Holiday> checked = Holiday.checked(holidays);
		jdbc.sql("DELETE FROM group_holiday WHERE group_id = ?").param(groupId).update();
		for (Holiday h : checked) {
			jdbc.sql("INSERT INTO group_holiday (group_id, holiday_date, name, opens_at, closes_at) VALUES (?, ?, ?, ?, ?)")
				.params(groupId, h.date(), h.name(), h.opensAt(), h.closesAt())
				.update();
		}
		forgetRoutables();
		return checked;
	}

	public List<Holiday> holidays(UUID organizationId, UUID groupId) {
		require(organizationId, groupId);
		return jdbc.sql("SELECT * FROM group_holiday WHERE group_id = ? ORDER BY holiday_date")
			.param(groupId)
			.query((rs, row) -> new Holiday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name"),
					rs.getObject("opens_at", LocalTime.class), rs.getObject("closes_at", LocalTime.class)))
			.list();
	}

	/** Whether the group is open at that instant, read in the organization's time zone. */
	public boolean isOpen(UUID organizationId, UUID groupId, Instant at) {
		return routable(organizationId, groupId).isOpen(at);
	}

	/**
	 * A group as routing reads it for every new chat: its settings and when it serves. Kept for
	 * {@link #ROUTING_VIEW_LIFETIME}; this node forgets it as soon as a change commits, other nodes when it expires.
	 */
	public record Routable(BusinessGroup group, ServiceHours hours) {

		public boolean isOpen(Instant at) {
			return hours.isOpen(at);
		}
	}

	/** The group, or the organization's default group when {@code groupId} is null, as routing sees it. */
	public Routable routable(UUID organizationId, @Nullable UUID groupId) {
		return routables.get(new RoutableKey(organizationId, groupId), key -> {
			BusinessGroup group = groupId == null ? defaultGroup(organizationId) : require(organizationId, groupId);
			return new Routable(group, new ServiceHours(hours(organizationId, group.id()),
					holidays(organizationId, group.id()), organizations.require(organizationId).timeZone()));
		});
	}

	/** Called by every change to groups, hours or the widget's default group. */
	void forgetRoutables() {
		routables.forgetAll();
		AfterCommit.run(routables::forgetAll);
	}

	private @Nullable UUID defaultGroupId(UUID organizationId) {
		return jdbc.sql("SELECT default_group_id FROM widget_settings WHERE organization_id = ?")
			.param(organizationId)
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

	/** Names are unique per organization (centers among centers, groups among groups); the database decides. */
	private static void uniqueName(Runnable write) {
		try {
			write.run();
		}
		catch (DuplicateKeyException e) {
			throw new StateConflict("name-taken", "that name is already used in this organization");
		}
	}

	private static void validate(int queueLimit, Duration requeueAfter) {
		if (queueLimit < 0 || queueLimit > 10_000) {
			throw new RequestRejected("invalid-queue-limit", "queue limit must be 0 to 10000");
		}
		if (requeueAfter.isNegative() || requeueAfter.toMinutes() > 24 * 60) {
			throw new RequestRejected("invalid-requeue-delay", "requeue delay must be 0 to 1440 minutes");
		}
	}

	static void requireName(String name) {
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new RequestRejected("invalid-name", "name must be 1-200 characters");
		}
	}

	private static BusinessGroup map(ResultSet rs, int row) throws SQLException {
		return new BusinessGroup(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getObject("center_id", UUID.class), rs.getString("name"), rs.getInt("queue_limit"),
				OfflinePolicy.valueOf(rs.getString("offline_policy")),
				Duration.ofMinutes(rs.getInt("requeue_after_minutes")),
				ReplyTargets.ofSeconds(rs.getInt("reply_warn_seconds"), rs.getInt("reply_alert_seconds")),
				new QueueAccess(rs.getBoolean("auto_assign"), rs.getBoolean("agents_may_pick")));
	}
}
