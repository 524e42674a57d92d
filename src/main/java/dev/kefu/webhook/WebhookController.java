package dev.kefu.webhook;

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

	WebhookController(Endpoints endpoints, Outbox outbox) {
		this.endpoints = endpoints;
		this.outbox = outbox;
	}

	@GetMapping
	List<Endpoint> list(@AuthenticationPrincipal StaffCaller caller) {
		return endpoints.all(caller.organizationId());
	}

	/** The answer carries the secret, this once (and after a rotation). */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Endpoint create(@AuthenticationPrincipal StaffCaller caller, @RequestBody Endpoint.Request request) {
		return endpoints.create(caller.organizationId(), request);
	}

	@GetMapping("/{id}")
	Endpoint get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return endpoints.require(caller.organizationId(), id);
	}

	@PutMapping("/{id}")
	Endpoint update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody Endpoint.Request request) {
		return endpoints.update(caller.organizationId(), id, request);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		endpoints.delete(caller.organizationId(), id);
	}

	@PostMapping("/{id}/rotate-secret")
	Endpoint rotateSecret(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return endpoints.rotateSecret(caller.organizationId(), id);
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
