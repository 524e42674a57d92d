package dev.kefu.contact;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.organization.IntakeLimits;
import dev.kefu.organization.Organization;
import dev.kefu.organization.Organizations;
import dev.kefu.security.VisitorTokens;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.VisitorCaller;

/**
 * Where a visitor's identity begins: the widget presents the token it kept (if any) and gets back a valid one, for
 * the same contact when the old token is still good.
 */
@RestController
class VisitorSessionController {

	private final Organizations organizations;
	private final Contacts contacts;
	private final VisitorTokens tokens;
	private final IntakeLimits limits;

	VisitorSessionController(Organizations organizations, Contacts contacts, VisitorTokens tokens,
			IntakeLimits limits) {
		this.organizations = organizations;
		this.contacts = contacts;
		this.tokens = tokens;
		this.limits = limits;
	}

	record SessionRequest(@NotBlank @Size(max = 64) String organization, @Nullable @Size(max = 200) String token) {
	}

	record Session(String token, UUID organizationId, Contact contact) {
	}

	@PostMapping("/api/v1/visitor/sessions")
	Session start(@Valid @RequestBody SessionRequest request, HttpServletRequest http) {
		Organization organization = organizations.findBySlug(request.organization())
			.orElseThrow(() -> new ResourceNotFound("organization", request.organization()));
		Contact contact = known(request.token(), organization.id());
		if (contact == null) {
			// Only new identities count: a returning customer behind a busy shared address keeps theirs.
			limits.admitNewVisitor(organization.id(), http.getRemoteAddr());
			contact = contacts.create(organization.id());
		}
		else {
			contacts.touch(organization.id(), contact.id());
		}
		return new Session(tokens.issue(organization.id(), contact.id()), organization.id(), contact);
	}

	@GetMapping("/api/v1/visitor/profile")
	Contact profile(@AuthenticationPrincipal VisitorCaller visitor) {
		return contacts.require(visitor.organizationId(), visitor.contactId());
	}

	/** The pre-chat form. */
	@PutMapping("/api/v1/visitor/profile")
	Contact updateProfile(@AuthenticationPrincipal VisitorCaller visitor, @RequestBody ContactProfile profile) {
		return contacts.update(visitor.organizationId(), visitor.contactId(), profile);
	}

	private @Nullable Contact known(@Nullable String token, UUID organizationId) {
		if (token == null || token.isBlank()) {
			return null;
		}
		return tokens.verify(token)
			.filter(caller -> caller.organizationId().equals(organizationId))
			.flatMap(caller -> contacts.find(organizationId, caller.contactId()))
			.orElse(null);
	}
}
