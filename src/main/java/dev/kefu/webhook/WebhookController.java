package dev.kefu.webhook;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

/** The admin's webhook endpoints (/api/v1/admin/** is for admins only) and their delivery logs. */
@RestController
@RequestMapping("/api/v1/admin/webhooks")
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookController {

	private final Endpoints endpoints;
	private final Outbox outbox;
	private final AuditLog audit;

	WebhookController(Endpoints endpoints, Outbox outbox, AuditLog audit) {
		this.endpoints = endpoints;
		this.outbox = outbox;
		this.audit = audit;
	}

	@GetMapping
	List<Endpoint> list(@AuthenticationPrincipal StaffCaller caller) {
		return endpoints.all(caller.organizationId());
	}

	/** The answer carries the secret, this once (and after a rotation). */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Endpoint create(@AuthenticationPrincipal StaffCaller caller, @RequestBody Endpoint.Request request) {
		Endpoint created = endpoints.create(caller.organizationId(), request);
		audit.entry(caller, "webhook.created").target("webhook:" + created.id()).after(created).record();
		return created;
	}

	@GetMapping("/{id}")
	Endpoint get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return endpoints.require(caller.organizationId(), id);
	}

	@PutMapping("/{id}")
	@Transactional
	Endpoint update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody Endpoint.Request request) {
		Endpoint before = endpoints.require(caller.organizationId(), id);
		Endpoint after = endpoints.update(caller.organizationId(), id, request);
		audit.entry(caller, "webhook.changed").target("webhook:" + id).changed(before, after).record();
		return after;
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void delete(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		Endpoint before = endpoints.require(caller.organizationId(), id);
		endpoints.delete(caller.organizationId(), id);
		audit.entry(caller, "webhook.deleted").target("webhook:" + id).before(before).record();
	}

	@PostMapping("/{id}/rotate-secret")
	@Transactional
	Endpoint rotateSecret(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		Endpoint rotated = endpoints.rotateSecret(caller.organizationId(), id);
		audit.record(caller, "webhook.secret-rotated", "webhook:" + id, null);
		return rotated;
	}

	@GetMapping("/{id}/deliveries")
	List<Delivery> deliveries(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestParam(defaultValue = "50") int limit) {
		endpoints.require(caller.organizationId(), id);
		return outbox.log(caller.organizationId(), id, Math.clamp(limit, 1, 500));
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
	Delivery redeliver(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@PathVariable UUID deliveryId) {
		return outbox.redeliver(caller.organizationId(), id, deliveryId);
	}
}
