package dev.kefu.security.sso;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.organization.Organization;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.security.StaffTokens;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.Role;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The login page's side of single sign-on, open to anyone: whether an organization signs in with its provider (the
 * page then sends the browser to {@code /oauth2/authorization/<slug>}), and the exchange of the one-time code the
 * browser comes back with for a staff token, answered exactly as a password login is.
 */
@RestController
@RequestMapping("/api/v1/auth/sso")
class SsoController {

	private final SsoRegistrations registrations;
	private final SsoLoginCodes codes;
	private final StaffMembers staff;
	private final StaffTokens tokens;

	SsoController(SsoRegistrations registrations, SsoLoginCodes codes, StaffMembers staff, StaffTokens tokens) {
		this.registrations = registrations;
		this.codes = codes;
		this.staff = staff;
		this.tokens = tokens;
	}

	record Available(String organization, String name, String start) {
	}

	record Exchange(@NotBlank @Size(max = 100) String code) {
	}

	record Me(UUID id, UUID organizationId, String displayName, Set<Role> roles) {
	}

	@Schema(name = "SsoLoggedIn")
	record LoggedIn(String token, Instant expiresAt, Me user) {
	}

	/** 404 when the organization does not exist or has no provider switched on; 502 when its provider cannot be read. */
	@GetMapping("/{organization}")
	Available available(@PathVariable String organization) {
		if (!organization.matches("[a-z0-9-]{1,64}")) {
			throw new ResourceNotFound("single sign-on of organization", organization);
		}
		Organization found = registrations.organization(organization)
			.filter(o -> registrations.registration(organization).isPresent())
			.orElseThrow(() -> new ResourceNotFound("single sign-on of organization", organization));
		return new Available(found.slug(), found.name(), "/oauth2/authorization/" + found.slug());
	}

	@PostMapping("/exchange")
	LoggedIn exchange(@Valid @RequestBody Exchange exchange, HttpServletRequest request) {
		StaffMember member = codes.redeem(exchange.code())
			.flatMap(holder -> staff.find(holder.organizationId(), holder.staffId()))
			.filter(StaffMember::enabled)
			.orElseThrow(() -> new RequestRejected("sso-code-invalid",
					"this sign-in link is used up or expired; sign in again", HttpStatus.UNAUTHORIZED));
		StaffTokens.IssuedToken token = tokens.issue(member,
				new StaffTokens.Client(request.getRemoteAddr(), request.getHeader("User-Agent")));
		return new LoggedIn(token.token(), token.expiresAt(),
				new Me(member.id(), member.organizationId(), member.displayName(), member.roles()));
	}
}
