package dev.kefu.canned;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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

import dev.kefu.canned.CannedResponse.Scope;
import dev.kefu.shared.StaffCaller;

/**
 * Staff find canned responses and keep their personal ones; admins and supervisors also keep the organization-wide
 * list. One resource for both scopes, so the desk needs a single search call.
 */
@RestController
@RequestMapping("/api/v1/canned-responses")
class CannedResponseController {

	private final CannedResponses responses;
	private final AuditLog audit;

	CannedResponseController(CannedResponses responses, AuditLog audit) {
		this.responses = responses;
		this.audit = audit;
	}

	/** Shared replies are the organization's settings; an agent's personal ones are their own business. */
	private static boolean shared(CannedResponse response) {
		return response.scope() != Scope.PERSONAL;
	}

	/** A new response; {@code scope} defaults to PERSONAL, no {@code folder} leaves it unfiled. */
	record NewResponse(@Nullable Scope scope, @Nullable String shortcut, @Nullable String title,
			@Nullable String text, @Nullable UUID groupId, @Nullable String folder) {
	}

	@GetMapping
	List<CannedResponse> search(@AuthenticationPrincipal StaffCaller caller,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Scope scope) {
		return responses.search(caller, q, scope);
	}

	@GetMapping("/{id}")
	CannedResponse get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return responses.require(caller, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	CannedResponse create(@AuthenticationPrincipal StaffCaller caller, @RequestBody NewResponse request) {
		CannedResponse created = responses.create(caller, request.scope() == null ? Scope.PERSONAL : request.scope(),
				new CannedResponses.Draft(request.shortcut(), request.title(), request.text(), request.groupId(),
						request.folder()));
		if (shared(created)) {
			audit.entry(caller, "canned.created").target("canned:" + created.id()).detail(created.shortcut())
				.after(created).record();
		}
		return created;
	}

	@PutMapping("/{id}")
	@Transactional
	CannedResponse update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody CannedResponses.Draft draft) {
		CannedResponse before = responses.require(caller, id);
		CannedResponse after = responses.update(caller, id, draft);
		if (shared(before) || shared(after)) {
			audit.entry(caller, "canned.changed").target("canned:" + id).detail(after.shortcut())
				.changed(before, after).record();
		}
		return after;
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void delete(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		CannedResponse before = responses.require(caller, id);
		responses.delete(caller, id);
		if (shared(before)) {
			audit.entry(caller, "canned.deleted").target("canned:" + id).detail(before.shortcut()).before(before)
				.record();
		}
	}
}
