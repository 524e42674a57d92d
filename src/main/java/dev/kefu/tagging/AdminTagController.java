package dev.kefu.tagging;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

/**
 * Admins keep the tag catalogue and the disposition codes, and choose the groups that require a code at close.
 * Deleting archives: what was tagged or closed with it keeps the name.
 */
@RestController
class AdminTagController {

	private final TagCatalogue tags;
	private final DispositionCodes dispositions;

	AdminTagController(TagCatalogue tags, DispositionCodes dispositions) {
		this.tags = tags;
		this.dispositions = dispositions;
	}

	/** {@code colour} like {@code #1f8a70}, grey when left out; {@code archived} true hides it from the desk. */
	record TagRequest(@Nullable String name, @Nullable String colour, @Nullable Boolean archived) {
	}

	/** {@code parentId}: the category above this code, none for a category. */
	record DispositionRequest(@Nullable String name, @Nullable UUID parentId, @Nullable Boolean archived) {
	}

	record RequiredGroups(@NotNull Set<UUID> groupIds) {
	}

	@GetMapping("/api/v1/admin/tags")
	List<Tag> tags(@AuthenticationPrincipal StaffCaller caller) {
		return tags.all(caller.organizationId());
	}

	@PostMapping("/api/v1/admin/tags")
	@ResponseStatus(HttpStatus.CREATED)
	Tag createTag(@AuthenticationPrincipal StaffCaller caller, @RequestBody TagRequest request) {
		return tags.create(caller.organizationId(), request.name(), request.colour());
	}

	@PutMapping("/api/v1/admin/tags/{id}")
	Tag updateTag(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id, @RequestBody TagRequest request) {
		return tags.update(caller.organizationId(), id, request.name(), request.colour(),
				Boolean.TRUE.equals(request.archived()));
	}

	@DeleteMapping("/api/v1/admin/tags/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void archiveTag(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		tags.archive(caller.organizationId(), id);
	}

	@GetMapping("/api/v1/admin/dispositions")
	List<Disposition> dispositions(@AuthenticationPrincipal StaffCaller caller) {
		return dispositions.all(caller.organizationId());
	}

	@PostMapping("/api/v1/admin/dispositions")
	@ResponseStatus(HttpStatus.CREATED)
	Disposition createDisposition(@AuthenticationPrincipal StaffCaller caller,
			@RequestBody DispositionRequest request) {
		return dispositions.create(caller.organizationId(), request.name(), request.parentId());
	}

	@PutMapping("/api/v1/admin/dispositions/{id}")
	Disposition updateDisposition(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody DispositionRequest request) {
		return dispositions.update(caller.organizationId(), id, request.name(), request.parentId(),
				Boolean.TRUE.equals(request.archived()));
	}

	@DeleteMapping("/api/v1/admin/dispositions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void archiveDisposition(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		dispositions.archive(caller.organizationId(), id);
	}

	@GetMapping("/api/v1/admin/dispositions/required-groups")
	RequiredGroups requiredGroups(@AuthenticationPrincipal StaffCaller caller) {
		return new RequiredGroups(dispositions.requiredGroups(caller.organizationId()));
	}

	/** Replaces the set of groups whose agents must give a disposition code when they close a chat. */
	@PutMapping("/api/v1/admin/dispositions/required-groups")
	RequiredGroups requireIn(@AuthenticationPrincipal StaffCaller caller, @Valid @RequestBody RequiredGroups request) {
		return new RequiredGroups(dispositions.requireIn(caller.organizationId(), request.groupIds()));
	}
}
