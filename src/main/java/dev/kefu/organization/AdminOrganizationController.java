package dev.kefu.organization;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

/** The admin's own organization: its slug is what the widget's embed line names. */
@RestController
class AdminOrganizationController {

	private final Organizations organizations;

	AdminOrganizationController(Organizations organizations) {
		this.organizations = organizations;
	}

	@GetMapping("/api/v1/admin/organization")
	Organization organization(@AuthenticationPrincipal StaffCaller caller) {
		return organizations.require(caller.organizationId());
	}
}
