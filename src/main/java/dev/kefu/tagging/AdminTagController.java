package dev.kefu.tagging;

import dev.kefu.shared.ResourceNotFound;
import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
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
	private final AuditLog audit;

	AdminTagController(TagCatalogue tags, DispositionCodes dispositions, AuditLog audit) {
		this.tags = tags;
		this.dispositions = dispositions;
		this.audit = audit;
	}

	private Tag tag(StaffCaller caller, UUID id) {
		return tags.all(caller.organizationId()).stream().filter(t -> t.id().equals(id)).findFirst()
			.orElseThrow(() -> new ResourceNotFound("tag", id));
	}

	private Disposition disposition(StaffCaller caller, UUID id) {
		return dispositions.all(caller.organizationId()).stream().filter(d -> d.id().equals(id)).findFirst()
			.orElseThrow(() -> new ResourceNotFound("disposition", id));
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
	@Transactional
	Tag createTag(@AuthenticationPrincipal StaffCaller caller, @RequestBody TagRequest request) {
		Tag created = tags.create(caller.organizationId(), request.name(), request.colour());
		audit.entry(caller, "tag.created").target("tag:" + created.id()).detail(created.name()).after(created)
			.record();
		return created;
	}

	@PutMapping("/api/v1/admin/tags/{id}")
	@Transactional
	Tag updateTag(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id, @RequestBody TagRequest request) {
		Tag before = tag(caller, id);
		Tag after = tags.update(caller.organizationId(), id, request.name(), request.colour(),
				Boolean.TRUE.equals(request.archived()));
		audit.entry(caller, "tag.changed").target("tag:" + id).detail(after.name()).changed(before, after).record();
		return after;
	}

	@DeleteMapping("/api/v1/admin/tags/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void archiveTag(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		Tag before = tag(caller, id);
		tags.archive(caller.organizationId(), id);
		audit.entry(caller, "tag.archived").target("tag:" + id).detail(before.name()).record();
	}

	@GetMapping("/api/v1/admin/dispositions")
	List<Disposition> dispositions(@AuthenticationPrincipal StaffCaller caller) {
		return dispositions.all(caller.organizationId());
	}

	@PostMapping("/api/v1/admin/dispositions")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Disposition createDisposition(@AuthenticationPrincipal StaffCaller caller,
			@RequestBody DispositionRequest request) {
		Disposition created = dispositions.create(caller.organizationId(), request.name(), request.parentId());
		audit.entry(caller, "disposition.created").target("disposition:" + created.id()).detail(created.name())
			.after(created).record();
		return created;
	}

	@PutMapping("/api/v1/admin/dispositions/{id}")
	@Transactional
	Disposition updateDisposition(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody DispositionRequest request) {
		Disposition before = disposition(caller, id);
		Disposition after = dispositions.update(caller.organizationId(), id, request.name(), request.parentId(),
				Boolean.TRUE.equals(request.archived()));
		audit.entry(caller, "disposition.changed").target("disposition:" + id).detail(after.name())
			.changed(before, after).record();
		return after;
	}

	@DeleteMapping("/api/v1/admin/dispositions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void archiveDisposition(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		Disposition before = disposition(caller, id);
		dispositions.archive(caller.organizationId(), id);
		audit.entry(caller, "disposition.archived").target("disposition:" + id).detail(before.name()).record();
	}

	@GetMapping("/api/v1/admin/dispositions/required-groups")
	RequiredGroups requiredGroups(@AuthenticationPrincipal StaffCaller caller) {
		return new RequiredGroups(dispositions.requiredGroups(caller.organizationId()));
	}

	/** Replaces the set of groups whose agents must give a disposition code when they close a chat. */
	@PutMapping("/api/v1/admin/dispositions/required-groups")
	@Transactional
	RequiredGroups requireIn(@AuthenticationPrincipal StaffCaller caller, @Valid @RequestBody RequiredGroups request) {
		RequiredGroups before = new RequiredGroups(
				new java.util.TreeSet<>(dispositions.requiredGroups(caller.organizationId())));
		RequiredGroups after = new RequiredGroups(dispositions.requireIn(caller.organizationId(), request.groupIds()));
		audit.entry(caller, "disposition.required-groups-changed").target("dispositions")
			.changed(before, new RequiredGroups(new java.util.TreeSet<>(after.groupIds()))).record();
		return after;
	}
}
