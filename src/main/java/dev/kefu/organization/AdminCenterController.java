package dev.kefu.organization;

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

	AdminCenterController(Groups groups) {
		this.groups = groups;
	}

	record CenterRequest(String name) {
	}

	@GetMapping
	List<ServiceCenter> list(@AuthenticationPrincipal StaffCaller caller) {
		return groups.centers(caller.organizationId());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ServiceCenter create(@AuthenticationPrincipal StaffCaller caller, @RequestBody CenterRequest request) {
		return groups.createCenter(caller.organizationId(), request.name());
	}

	@PutMapping("/{id}")
	ServiceCenter rename(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody CenterRequest request) {
		return groups.renameCenter(caller.organizationId(), id, request.name());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		groups.deleteCenter(caller.organizationId(), id);
	}
}
