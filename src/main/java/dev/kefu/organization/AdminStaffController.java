package dev.kefu.organization;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.Access;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

/**
 * Admins manage staff accounts: profile, roles, chat capacity, groups, enabled flag and password resets. Answers are
 * {@link StaffMember}s, which carry no password hash. Disabling someone only sets their routing capacity to 0 (routing
 * listens to {@link StaffMemberChanged}): chats they hold stay with them until closed or transferred.
 */
@RestController
@RequestMapping("/api/v1/admin/staff")
class AdminStaffController {

	private final StaffMembers staff;
	private final AuditLog audit;

	AdminStaffController(StaffMembers staff, AuditLog audit) {
		this.staff = staff;
		this.audit = audit;
	}

	record NewStaffMember(String username, String password, String displayName, @Nullable String email,
			@NotNull Set<Role> roles, @NotNull Integer maxChats, @Nullable Boolean enabled,
			@Nullable List<UUID> groupIds) {
	}

	record StaffUpdate(String displayName, @Nullable String email, @NotNull Set<Role> roles, @NotNull Integer maxChats,
			@NotNull Boolean enabled, @NotNull List<UUID> groupIds) {
	}

	record PasswordReset(String password) {
	}

	@GetMapping
	List<StaffMember> list(@AuthenticationPrincipal StaffCaller caller) {
		return staff.all(caller.organizationId());
	}

	@GetMapping("/{id}")
	StaffMember get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return staff.require(caller.organizationId(), id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	StaffMember create(@AuthenticationPrincipal StaffCaller caller, @Valid @RequestBody NewStaffMember request) {
		requireCapacity(request.maxChats());
		if (request.roles() != null) {
			StaffRoles.requireMayGrant(caller, Access.of(request.roles()));
		}
		StaffMember created = staff.create(caller.organizationId(), request.username(), request.password(),
				new StaffMembers.Profile(request.displayName(), request.email(), request.roles(), request.maxChats(),
						request.enabled() == null || request.enabled(),
						request.groupIds() == null ? List.of() : request.groupIds()));
		audit.entry(caller, "staff.created").target(target(created)).detail(created.displayName()).after(created)
			.record();
		return created;
	}

	private static String target(StaffMember member) {
		return "staff:" + member.id();
	}

	/** What an update did, one entry per kind of change so that each can be filtered for. */
	private void audit(StaffCaller caller, StaffMember before, StaffMember after) {
		if (before.enabled() != after.enabled()) {
			audit.entry(caller, after.enabled() ? "staff.enabled" : "staff.disabled").target(target(after))
				.detail(after.displayName())
				.changed(new Enabled(before.enabled()), new Enabled(after.enabled()))
				.record();
		}
		if (!before.roles().equals(after.roles())) {
			audit.entry(caller, "staff.roles-changed").target(target(after)).detail(after.displayName())
				.changed(new Roles(before.roles()), new Roles(after.roles()))
				.record();
		}
		if (!Set.copyOf(before.groupIds()).equals(Set.copyOf(after.groupIds()))) {
			audit.entry(caller, "staff.groups-changed").target(target(after)).detail(after.displayName())
				.changed(new GroupIds(before.groupIds()), new GroupIds(after.groupIds()))
				.record();
		}
		AuditLog.Entry profile = audit.entry(caller, "staff.changed").target(target(after))
			.detail(after.displayName())
			.changed(new Details(before), new Details(after));
		if (profile.changesSomething()) {
			profile.record();
		}
	}

	private record Enabled(boolean enabled) {
	}

	private record Roles(Set<Role> roles) {
		Roles {
			roles = new java.util.TreeSet<>(roles);
		}
	}

	private record GroupIds(List<UUID> groupIds) {
		GroupIds {
			groupIds = groupIds.stream().sorted().toList();
		}
	}

	private record Details(String displayName, @Nullable String email, int maxChats) {
		Details(StaffMember member) {
			this(member.displayName(), member.email(), member.maxChats());
		}
	}

	@PutMapping("/{id}")
	@Transactional
	StaffMember update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@Valid @RequestBody StaffUpdate request) {
		requireCapacity(request.maxChats());
		if (id.equals(caller.userId())
				&& (!request.enabled() || caller.has(Role.ADMIN) && !request.roles().contains(Role.ADMIN))) {
			throw new StateConflict("cannot-lock-out-self",
					"you cannot disable yourself or drop your own admin role; ask another admin");
		}
		StaffMember before = staff.require(caller.organizationId(), id);
		if (request.roles() != null) {
			Set<Role> added = new java.util.HashSet<>(request.roles());
			added.removeAll(before.roles());
			StaffRoles.requireMayGrant(caller, Access.of(added));
		}
		StaffMember after = staff.update(caller.organizationId(), id, new StaffMembers.Profile(request.displayName(),
				request.email(), request.roles(), request.maxChats(), request.enabled(), request.groupIds()));
		audit(caller, before, after);
		return after;
	}

	@PutMapping("/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void resetPassword(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody PasswordReset request) {
		staff.changePassword(caller.organizationId(), id, request.password());
		StaffMember member = staff.require(caller.organizationId(), id);
		// Never the password or its hash: only that it was set, and by whom.
		audit.entry(caller, id.equals(caller.userId()) ? "staff.password-changed" : "staff.password-reset")
			.target(target(member))
			.detail(member.displayName())
			.record();
	}

	private static void requireCapacity(int maxChats) {
		if (maxChats < 1 || maxChats > StaffMembers.MAX_CAPACITY) {
			throw new RequestRejected("invalid-capacity", "max chats must be 1 to " + StaffMembers.MAX_CAPACITY);
		}
	}
}
