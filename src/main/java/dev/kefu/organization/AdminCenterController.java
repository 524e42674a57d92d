package dev.kefu.organization;

import dev.kefu.shared.ResourceNotFound;
import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.util.List;
import java.util.UUID;

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

import dev.kefu.shared.StaffCaller;

/** Admins manage the service centers of their organization. */
@RestController
@RequestMapping("/api/v1/admin/centers")
class AdminCenterController {

	private final Groups groups;
	private final AuditLog audit;

	AdminCenterController(Groups groups, AuditLog audit) {
		this.groups = groups;
		this.audit = audit;
	}

	record CenterRequest(String name) {
	}

	@GetMapping
	List<ServiceCenter> list(@AuthenticationPrincipal StaffCaller caller) {
		return groups.centers(caller.organizationId());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	ServiceCenter create(@AuthenticationPrincipal StaffCaller caller, @RequestBody CenterRequest request) {
		ServiceCenter created = groups.createCenter(caller.organizationId(), request.name());
		audit.entry(caller, "center.created").target("center:" + created.id()).detail(created.name()).after(created)
			.record();
		return created;
	}

	@PutMapping("/{id}")
	@Transactional
	ServiceCenter rename(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody CenterRequest request) {
		ServiceCenter before = center(caller, id);
		ServiceCenter after = groups.renameCenter(caller.organizationId(), id, request.name());
		audit.entry(caller, "center.changed").target("center:" + id).detail(after.name()).changed(before, after)
			.record();
		return after;
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void delete(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		ServiceCenter before = center(caller, id);
		groups.deleteCenter(caller.organizationId(), id);
		audit.entry(caller, "center.deleted").target("center:" + id).detail(before.name()).before(before).record();
	}

	private ServiceCenter center(StaffCaller caller, UUID id) {
		return groups.centers(caller.organizationId()).stream()
			.filter(c -> c.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFound("center", id));
	}
}
