package dev.kefu.canned;

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

	CannedResponseController(CannedResponses responses) {
		this.responses = responses;
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
	CannedResponse create(@AuthenticationPrincipal StaffCaller caller, @RequestBody NewResponse request) {
		return responses.create(caller, request.scope() == null ? Scope.PERSONAL : request.scope(),
				new CannedResponses.Draft(request.shortcut(), request.title(), request.text(), request.groupId(),
						request.folder()));
	}

	@PutMapping("/{id}")
	CannedResponse update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody CannedResponses.Draft draft) {
		return responses.update(caller, id, draft);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		responses.delete(caller, id);
	}
}
