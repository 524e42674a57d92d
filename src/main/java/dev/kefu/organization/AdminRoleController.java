package dev.kefu.organization;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.audit.AuditLog;
import dev.kefu.organization.StaffRoles.CustomRole;
import dev.kefu.organization.StaffRoles.Grant;
import dev.kefu.shared.Permission;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Custom roles (named permissions) and who holds them where. Every change is audited with before and after, and the
 * holders' open sessions are checked again, so a narrowed role narrows at once.
 */
@RestController
class AdminRoleController {

	private final StaffRoles roles;
	private final StaffMembers staff;
	private final AuditLog audit;

	AdminRoleController(StaffRoles roles, StaffMembers staff, AuditLog audit) {
		this.roles = roles;
		this.staff = staff;
		this.audit = audit;
	}

	@Schema(name = "RoleRequest", example = """
			{"name": "QA read-only, center B", "description": "Reviews center B's chats",
			 "permissions": ["conversation.read", "report.read", "qa.review"]}""")
	record RoleRequest(@Nullable String name, @Nullable String description, @Nullable List<String> permissions) {
	}

	@Schema(name = "PermissionInfo")
	record PermissionInfo(String key, boolean scoped) {
	}

	@Schema(name = "PresetRole")
	record PresetRole(Role role, Map<String, String> permissions) {
	}

	@Schema(name = "RoleCatalogue")
	record Catalogue(List<PermissionInfo> permissions, List<PresetRole> presets, List<CustomRole> roles) {
	}

	@Schema(name = "GrantsRequest", example = """
			{"grants": [{"roleId": "0190a1b2-0000-7000-8000-000000000001", "scope": "CENTER",
			             "scopeId": "0190a1b2-0000-7000-8000-000000000002"}]}""")
	record GrantsRequest(@Nullable List<Grant> grants) {
	}

	@Schema(name = "StaffGrants")
	record StaffGrants(UUID staffId, List<Grant> grants, List<String> permissions) {
	}

	@GetMapping("/api/v1/admin/roles")
	Catalogue catalogue(@AuthenticationPrincipal StaffCaller caller) {
		List<PermissionInfo> permissions = Arrays.stream(Permission.values())
			.map(p -> new PermissionInfo(p.key(), p.scoped()))
			.toList();
		List<PresetRole> presets = Arrays.stream(Role.values()).map(AdminRoleController::preset).toList();
		return new Catalogue(permissions, presets, roles.roles(caller.organizationId()));
	}

	@PostMapping("/api/v1/admin/roles")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	CustomRole create(@AuthenticationPrincipal StaffCaller caller, @RequestBody RoleRequest request) {
		StaffRoles.requireMayGrant(caller, StaffRoles.accessOfKeys(request.permissions() == null ? List.of()
				: request.permissions()));
		CustomRole created = roles.create(caller.organizationId(), request.name(), request.description(),
				request.permissions());
		audit.entry(caller, "role.created").target("role:" + created.id()).detail(created.name()).after(created)
			.record();
		return created;
	}

	@PutMapping("/api/v1/admin/roles/{id}")
	@Transactional
	CustomRole update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody RoleRequest request) {
		CustomRole before = roles.require(caller.organizationId(), id);
		StaffRoles.requireMayGrant(caller, StaffRoles.accessOfKeys(request.permissions() == null ? List.of()
				: request.permissions()));
		CustomRole after = roles.update(caller.organizationId(), id, request.name(), request.description(),
				request.permissions());
		audit.entry(caller, "role.changed").target("role:" + id).detail(after.name()).changed(before, after).record();
		return after;
	}

	@DeleteMapping("/api/v1/admin/roles/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void delete(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		CustomRole before = roles.require(caller.organizationId(), id);
		roles.delete(caller.organizationId(), id);
		audit.entry(caller, "role.deleted").target("role:" + id).detail(before.name()).before(before).record();
	}

	@GetMapping("/api/v1/admin/staff/{id}/grants")
	StaffGrants grants(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		StaffMember member = staff.require(caller.organizationId(), id);
		return new StaffGrants(id, roles.grants(caller.organizationId(), id),
				List.copyOf(roles.accessOf(member).keys()));
	}

	@PutMapping("/api/v1/admin/staff/{id}/grants")
	@Transactional
	StaffGrants replace(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody GrantsRequest request) {
		if (request.grants() == null) {
			throw new RequestRejected("invalid-grants", "the body lists the person's grants (an empty list for none)");
		}
		StaffMember member = staff.require(caller.organizationId(), id);
		List<Grant> before = roles.grants(caller.organizationId(), id);
		for (Grant grant : request.grants()) {
			if (grant != null && grant.roleId() != null && !before.contains(grant)) {
				StaffRoles.requireMayGrant(caller,
						StaffRoles.accessOfKeys(roles.require(caller.organizationId(), grant.roleId()).permissions()));
			}
		}
		List<Grant> after = roles.replaceGrants(caller.organizationId(), id, request.grants());
		audit.entry(caller, "staff.grants-changed").target("staff:" + id).detail(member.displayName())
			.changed(before, after).record();
		return new StaffGrants(id, after, List.copyOf(roles.accessOf(member).keys()));
	}

	private static PresetRole preset(Role role) {
		Map<String, String> permissions = new java.util.TreeMap<>();
		role.preset().reaches().forEach((p, reach) -> permissions.put(p.key(),
				reach.organization() ? "ORGANIZATION" : "MEMBER_GROUPS"));
		return new PresetRole(role, permissions);
	}
}
