package dev.kefu.organization;

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

import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.StaffCaller;

/** Admins write the proactive invitations the widget opens with (docs/integrations.md, "Proactive invitations"). */
@RestController
@RequestMapping("/api/v1/admin/invitations")
class AdminInvitationController {

	private final InvitationRules rules;
	private final AuditLog audit;

	AdminInvitationController(InvitationRules rules, AuditLog audit) {
		this.rules = rules;
		this.audit = audit;
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
	@Transactional
	InvitationRule create(@AuthenticationPrincipal StaffCaller caller, @RequestBody InvitationRules.Draft draft) {
		InvitationRule created = rules.create(caller.organizationId(), draft);
		audit.entry(caller, "invitation.created").target("invitation:" + created.id()).after(created).record();
		return created;
	}

	@PutMapping("/{id}")
	@Transactional
	InvitationRule replace(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody InvitationRules.Draft draft) {
		InvitationRule before = get(caller, id);
		InvitationRule after = rules.replace(caller.organizationId(), id, draft);
		audit.entry(caller, "invitation.changed").target("invitation:" + id).changed(before, after).record();
		return after;
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void delete(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		InvitationRule before = get(caller, id);
		rules.delete(caller.organizationId(), id);
		audit.entry(caller, "invitation.deleted").target("invitation:" + id).before(before).record();
	}
}
