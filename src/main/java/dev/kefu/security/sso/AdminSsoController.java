package dev.kefu.security.sso;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.audit.AuditLog;
import dev.kefu.organization.Organizations;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;

/**
 * An admin connects the organization to its OpenID provider. The client secret is write-only: it is taken when given
 * and kept otherwise, and no answer carries it. Switching on reads the provider's discovery document first, so a
 * wrong issuer is refused here rather than at the next login.
 */
@RestController
@RequestMapping("/api/v1/admin/sso")
class AdminSsoController {

	private final SsoSettingsStore settings;
	private final SsoRegistrations registrations;
	private final Organizations organizations;
	private final AuditLog audit;

	AdminSsoController(SsoSettingsStore settings, SsoRegistrations registrations, Organizations organizations,
			AuditLog audit) {
		this.settings = settings;
		this.registrations = registrations;
		this.organizations = organizations;
		this.audit = audit;
	}

	@GetMapping
	SsoSettings get(@AuthenticationPrincipal StaffCaller caller) {
		return settings.of(caller.organizationId());
	}

	@PutMapping
	@Transactional
	SsoSettings change(@AuthenticationPrincipal StaffCaller caller, @RequestBody SsoSettings.Change change,
			HttpServletRequest request) {
		SsoSettings changed = settings.change(caller.organizationId(), change);
		if (changed.enabled()) {
			String slug = organizations.require(caller.organizationId()).slug();
			try {
				registrations.registration(slug);
			}
			catch (RequestRejected unreachable) {
				throw new RequestRejected("issuer-unreachable", unreachable.getMessage(), HttpStatus.BAD_REQUEST);
			}
		}
		audit.record(caller, "sso.changed", "sso", (changed.enabled() ? "on, " : "off, ") + "issuer "
				+ changed.issuerUri() + ", client " + changed.clientId()
				+ (change.clientSecret() != null && !change.clientSecret().isBlank() ? ", new client secret" : ""),
				request.getRemoteAddr());
		return changed;
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void remove(@AuthenticationPrincipal StaffCaller caller, HttpServletRequest request) {
		settings.remove(caller.organizationId());
		audit.record(caller, "sso.removed", "sso", null, request.getRemoteAddr());
	}
}
