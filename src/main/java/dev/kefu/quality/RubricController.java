package dev.kefu.quality;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.Ids;
import dev.kefu.shared.StaffCaller;

/** Rubrics: QA inspectors and admins write them; all staff read them, agents to know what they are scored on. */
@RestController
class RubricController {

	private final Rubrics rubrics;
	private final AuditLog audit;

	RubricController(Rubrics rubrics, AuditLog audit) {
		this.rubrics = rubrics;
		this.audit = audit;
	}

	/** A rubric as the audit log keeps it: items get fresh ids on every save, so they are left out. */
	private record Audited(String name, List<ItemBody> items) {
		static Audited of(RubricView view) {
			return new Audited(view.name(),
					view.items().stream().map(i -> new ItemBody(i.name(), i.weight(), i.maxPoints())).toList());
		}
	}

	record RubricBody(@NotNull String name, @NotEmpty List<@Valid @NotNull ItemBody> items) {

		List<Rubric.Item> rubricItems() {
			// Fresh ids on every save: reviews keep their own copy of the items they were scored with.
			return items.stream()
				.map(item -> new Rubric.Item(Ids.newId(), item.name() == null ? "" : item.name(), item.weight(),
						item.maxPoints()))
				.toList();
		}
	}

	record ItemBody(@Nullable String name, @NotNull Integer weight, @NotNull Integer maxPoints) {
	}

	record RubricView(UUID id, String name, List<Rubric.Item> items, Instant createdAt, Instant updatedAt) {

		static RubricView of(Rubric rubric) {
			return new RubricView(rubric.id(), rubric.name(), rubric.items(), rubric.createdAt(), rubric.updatedAt());
		}
	}

	@GetMapping("/api/v1/quality/rubrics")
	List<RubricView> list(@AuthenticationPrincipal StaffCaller caller) {
		return rubrics.all(caller.organizationId()).stream().map(RubricView::of).toList();
	}

	@GetMapping("/api/v1/quality/rubrics/{id}")
	RubricView get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return RubricView.of(rubrics.require(caller.organizationId(), id));
	}

	@PostMapping("/api/v1/quality/rubrics")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	RubricView create(@AuthenticationPrincipal StaffCaller caller, @Valid @RequestBody RubricBody body) {
		QualityRoles.requireRubricEditor(caller);
		RubricView created = RubricView.of(rubrics.create(caller.organizationId(), body.name(), body.rubricItems()));
		audit.entry(caller, "rubric.created").target("rubric:" + created.id()).detail(created.name())
			.after(Audited.of(created)).record();
		return created;
	}

	@PutMapping("/api/v1/quality/rubrics/{id}")
	@Transactional
	RubricView update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@Valid @RequestBody RubricBody body) {
		QualityRoles.requireRubricEditor(caller);
		RubricView before = get(caller, id);
		RubricView after = RubricView.of(rubrics.update(caller.organizationId(), id, body.name(), body.rubricItems()));
		audit.entry(caller, "rubric.changed").target("rubric:" + id).detail(after.name())
			.changed(Audited.of(before), Audited.of(after)).record();
		return after;
	}
}
