package dev.kefu.organization;

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

	AdminStaffController(StaffMembers staff) {
		this.staff = staff;
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
	StaffMember create(@AuthenticationPrincipal StaffCaller caller, @Valid @RequestBody NewStaffMember request) {
		requireCapacity(request.maxChats());
		return staff.create(caller.organizationId(), request.username(), request.password(),
				new StaffMembers.Profile(request.displayName(), request.email(), request.roles(), request.maxChats(),
						request.enabled() == null || request.enabled(),
						request.groupIds() == null ? List.of() : request.groupIds()));
	}

	@PutMapping("/{id}")
	StaffMember update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@Valid @RequestBody StaffUpdate request) {
		requireCapacity(request.maxChats());
		if (id.equals(caller.userId()) && (!request.enabled() || !request.roles().contains(Role.ADMIN))) {
			throw new StateConflict("cannot-lock-out-self",
					"you cannot disable yourself or drop your own admin role; ask another admin");
		}
		return staff.update(caller.organizationId(), id, new StaffMembers.Profile(request.displayName(),
				request.email(), request.roles(), request.maxChats(), request.enabled(), request.groupIds()));
	}

	@PutMapping("/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetPassword(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody PasswordReset request) {
		staff.changePassword(caller.organizationId(), id, request.password());
	}

	private static void requireCapacity(int maxChats) {
		if (maxChats < 1 || maxChats > StaffMembers.MAX_CAPACITY) {
			throw new RequestRejected("invalid-capacity", "max chats must be 1 to " + StaffMembers.MAX_CAPACITY);
		}
	}
}
