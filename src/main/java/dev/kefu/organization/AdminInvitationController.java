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

import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.StaffCaller;

/** Admins write the proactive invitations the widget opens with (docs/integrations.md, "Proactive invitations"). */
@RestController
@RequestMapping("/api/v1/admin/invitations")
class AdminInvitationController {

	private final InvitationRules rules;

	AdminInvitationController(InvitationRules rules) {
		this.rules = rules;
	}

	@GetMapping
	List<InvitationRule> list(@AuthenticationPrincipal StaffCaller caller) {
		return rules.all(caller.organizationId());
	}

	@GetMapping("/{id}")
	InvitationRule get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return rules.find(caller.organizationId(), id).orElseThrow(() -> new ResourceNotFound("invitation", id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	InvitationRule create(@AuthenticationPrincipal StaffCaller caller, @RequestBody InvitationRules.Draft draft) {
		return rules.create(caller.organizationId(), draft);
	}

	@PutMapping("/{id}")
	InvitationRule replace(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody InvitationRules.Draft draft) {
		return rules.replace(caller.organizationId(), id, draft);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		rules.delete(caller.organizationId(), id);
	}
}
