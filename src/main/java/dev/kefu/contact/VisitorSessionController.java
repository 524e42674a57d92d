package dev.kefu.contact;

import java.util.HashMap;
import java.util.Map;
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

import io.swagger.v3.oas.annotations.media.Schema;

import dev.kefu.organization.AllowedSites;
import dev.kefu.organization.IntakeLimits;
import dev.kefu.organization.Organization;
import dev.kefu.organization.Organizations;
import dev.kefu.organization.Tenants;
import dev.kefu.security.VisitorTokens;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.VisitorCaller;

/**
 * Where a visitor's identity begins: the widget presents the token it kept (if any) and gets back a valid one, for
 * the same contact when the old token is still good. When the host site vouches for its signed-in customer
 * ({@code userId} + {@code userHash}, or {@code jwt}) the session is for that verified contact instead, on any device.
 * A browser on a site the organization has not allowed is refused ({@link AllowedSites#admit}).
 */
@RestController
class VisitorSessionController {

	private final Organizations organizations;
	private final Contacts contacts;
	private final VisitorTokens tokens;
	private final IntakeLimits limits;
	private final VisitorIdentities identities;
	private final AllowedSites sites;
	private final Tenants tenants;

	VisitorSessionController(Organizations organizations, Contacts contacts, VisitorTokens tokens,
			IntakeLimits limits, VisitorIdentities identities, AllowedSites sites, Tenants tenants) {
		this.tenants = tenants;
		this.organizations = organizations;
		this.contacts = contacts;
		this.tokens = tokens;
		this.limits = limits;
		this.identities = identities;
		this.sites = sites;
	}

	@Schema(description = "A visitor session; a signed-in customer comes with userId + userHash, or a jwt")
	record SessionRequest(@Schema(example = "demo") @NotBlank @Size(max = 64) String organization,
			@Schema(description = "A token from an earlier session, to be the same visitor again") @Nullable @Size(max = 200) String token,
			@Schema(example = "cust-42") @Nullable @Size(max = 200) String userId,
			@Schema(description = "Hex HMAC-SHA256 of userId with the organization's identity secret", example = "9c1f0b6e2d7a4f3b8e5c6d7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c") @Nullable @Size(max = 128) String userHash,
			@Schema(description = "Instead of userId + userHash: a JWT with sub, exp and aud = the organization's slug") @Nullable @Size(max = 8000) String jwt,
			@Schema(example = "李雷") @Nullable @Size(max = 200) String name,
			@Schema(example = "li.lei@example.com") @Nullable @Size(max = 320) String email,
			@Schema(example = "+86 138 0013 8000") @Nullable @Size(max = 50) String phone,
			@Schema(example = "gold") @Nullable @Size(max = 100) String memberLevel,
			@Schema(example = "6222 **** **** 1234") @Nullable @Size(max = 64) String accountNumber,
			@Schema(description = "The origin of the page embedding the chat, as the widget loader saw it; checked against the organization's allowed sites", example = "https://shop.example.com") @Nullable @Size(max = 300) String site) {

		VisitorIdentities.Claim claim() {
			Map<String, @Nullable String> attributes = new HashMap<>();
			attributes.put("name", name);
			attributes.put("email", email);
			attributes.put("phone", phone);
			attributes.put("memberLevel", memberLevel);
			attributes.put("accountNumber", accountNumber);
			return new VisitorIdentities.Claim(userId, userHash, jwt, attributes);
		}
	}

	record Session(String token, UUID organizationId, Contact contact) {
	}

	@PostMapping("/api/v1/visitor/sessions")
	Session start(@Valid @RequestBody SessionRequest request, HttpServletRequest http) {
		Organization organization = organizations.findBySlug(request.organization())
			.orElseThrow(() -> new ResourceNotFound("organization", request.organization()));
		sites.admit(organization.id(), http, request.site());
		tenants.requireServing(organization.id());
		VisitorIdentities.Claim claim = request.claim();
		if (claim.present()) {
			Contact verified = identities.verifiedContact(organization, claim);
			return new Session(tokens.issue(organization.id(), verified.id(), true), organization.id(), verified);
		}
		identities.admitAnonymous(organization);
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

	/**
	 * The anonymous contact an earlier token names. A verified token is not resumed without the site's signature: the
	 * customer may have signed out, and the next person at this browser must not inherit their chats.
	 */
	private @Nullable Contact known(@Nullable String token, UUID organizationId) {
		if (token == null || token.isBlank()) {
			return null;
		}
		return tokens.verify(token)
			.filter(caller -> caller.organizationId().equals(organizationId) && !caller.verified())
			.flatMap(caller -> contacts.find(organizationId, caller.contactId()))
			.filter(contact -> !contact.verified())
			.orElse(null);
	}
}
