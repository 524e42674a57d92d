package dev.kefu.organization;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;

/** Admins manage business groups, their weekly opening hours and their holidays. */
@RestController
@RequestMapping("/api/v1/admin/groups")
class AdminGroupController {

	private final Groups groups;
	private final AuditLog audit;

	AdminGroupController(Groups groups, AuditLog audit) {
		this.groups = groups;
		this.audit = audit;
	}

	/**
	 * Reply targets and queue access are optional: left out, a new group gets the defaults and a changed one keeps its
	 * own.
	 */
	record GroupRequest(@NotNull UUID centerId, String name, @NotNull Integer queueLimit,
			@NotNull OfflinePolicy offlinePolicy, @NotNull Integer requeueMinutes, @Nullable Integer replyWarnSeconds,
			@Nullable Integer replyAlertSeconds, @Nullable Boolean autoAssign, @Nullable Boolean agentsMayPick) {

		/** One of the two left out keeps (or defaults) that one. */
		Optional<QueueAccess> queueAccess(QueueAccess current) {
			if (autoAssign == null && agentsMayPick == null) {
				return Optional.empty();
			}
			return Optional.of(new QueueAccess(autoAssign == null ? current.autoAssign() : autoAssign,
					agentsMayPick == null ? current.agentsMayPick() : agentsMayPick));
		}

		Optional<ReplyTargets> replyTargets() {
			if (replyWarnSeconds == null && replyAlertSeconds == null) {
				return Optional.empty();
			}
			if (replyWarnSeconds == null || replyAlertSeconds == null) {
				throw new RequestRejected("invalid-reply-targets", "give both replyWarnSeconds and replyAlertSeconds");
			}
			return Optional.of(ReplyTargets.ofSeconds(replyWarnSeconds, replyAlertSeconds));
		}
	}

	record GroupView(UUID id, UUID centerId, String name, int queueLimit, OfflinePolicy offlinePolicy,
			long requeueMinutes, long replyWarnSeconds, long replyAlertSeconds, boolean autoAssign,
			boolean agentsMayPick) {

		static GroupView of(BusinessGroup group) {
			return new GroupView(group.id(), group.centerId(), group.name(), group.queueLimit(), group.offlinePolicy(),
					group.requeueAfter().toMinutes(), group.replyTargets().warnAfter().toSeconds(),
					group.replyTargets().alertAfter().toSeconds(), group.queueAccess().autoAssign(),
					group.queueAccess().agentsMayPick());
		}
	}

	/** The whole week; days without an interval are closed, an empty week is always open. */
	record Holidays(@NotNull List<Holiday> holidays) {
	}

	record Week(@NotNull List<OpeningHours> hours) {
	}

	@GetMapping
	List<GroupView> list(@AuthenticationPrincipal StaffCaller caller) {
		return groups.all(caller.organizationId()).stream().map(GroupView::of).toList();
	}

	@GetMapping("/{id}")
	GroupView get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return GroupView.of(groups.require(caller.organizationId(), id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	GroupView create(@AuthenticationPrincipal StaffCaller caller, @Valid @RequestBody GroupRequest request) {
		Optional<ReplyTargets> targets = request.replyTargets();
		Optional<QueueAccess> access = request.queueAccess(QueueAccess.DEFAULT);
		BusinessGroup group = groups.createGroup(caller.organizationId(), request.centerId(), request.name(),
				request.queueLimit(), request.offlinePolicy(), Duration.ofMinutes(request.requeueMinutes()));
		GroupView created = GroupView.of(withAccess(caller, withTargets(caller, group, targets), access));
		audit.entry(caller, "group.created").target("group:" + created.id()).detail(created.name()).after(created)
			.record();
		return created;
	}

	@PutMapping("/{id}")
	@Transactional
	GroupView update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@Valid @RequestBody GroupRequest request) {
		Optional<ReplyTargets> targets = request.replyTargets();
		BusinessGroup current = groups.require(caller.organizationId(), id);
		Optional<QueueAccess> access = request.queueAccess(current.queueAccess());
		BusinessGroup group = groups.updateGroup(caller.organizationId(), id, request.centerId(), request.name(),
				request.queueLimit(), request.offlinePolicy(), Duration.ofMinutes(request.requeueMinutes()));
		GroupView after = GroupView.of(withAccess(caller, withTargets(caller, group, targets), access));
		GroupView before = GroupView.of(current);
		// The offline policy is a group setting of its own in the admin's eyes: name it so that it can be found.
		String action = before.offlinePolicy() != after.offlinePolicy() ? "group.offline-policy-changed"
				: "group.changed";
		audit.entry(caller, action).target("group:" + id).detail(after.name()).changed(before, after).record();
		return after;
	}

	private BusinessGroup withAccess(StaffCaller caller, BusinessGroup group, Optional<QueueAccess> access) {
		return access.map(a -> groups.changeQueueAccess(caller.organizationId(), group.id(), a)).orElse(group);
	}

	private BusinessGroup withTargets(StaffCaller caller, BusinessGroup group, Optional<ReplyTargets> targets) {
		return targets.map(t -> groups.changeReplyTargets(caller.organizationId(), group.id(), t)).orElse(group);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void delete(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		GroupView before = GroupView.of(groups.require(caller.organizationId(), id));
		groups.deleteGroup(caller.organizationId(), id);
		audit.entry(caller, "group.deleted").target("group:" + id).detail(before.name()).before(before).record();
	}

	@GetMapping("/{id}/hours")
	Week hours(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return new Week(groups.hours(caller.organizationId(), id));
	}

	@PutMapping("/{id}/hours")
	@Transactional
	Week replaceHours(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@Valid @RequestBody Week week) {
		Week before = new Week(groups.hours(caller.organizationId(), id));
		groups.replaceHours(caller.organizationId(), id, week.hours());
		Week after = new Week(groups.hours(caller.organizationId(), id));
		audit.entry(caller, "group.hours-changed").target("group:" + id).changed(before, after).record();
		return after;
	}

	@GetMapping("/{id}/holidays")
	Holidays holidays(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return new Holidays(groups.holidays(caller.organizationId(), id));
	}

	/** Replaces the whole list: dates closed all day, or with other hours than the week's. */
	@PutMapping("/{id}/holidays")
	@Transactional
	Holidays replaceHolidays(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@Valid @RequestBody Holidays holidays) {
		Holidays before = new Holidays(groups.holidays(caller.organizationId(), id));
		groups.replaceHolidays(caller.organizationId(), id, holidays.holidays());
		Holidays after = new Holidays(groups.holidays(caller.organizationId(), id));
		audit.entry(caller, "group.holidays-changed").target("group:" + id).changed(before, after).record();
		return after;
	}
}
