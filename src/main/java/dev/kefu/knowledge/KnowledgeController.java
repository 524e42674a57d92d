package dev.kefu.knowledge;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

import dev.kefu.shared.StaffCaller;

/**
 * The knowledge base for staff: categories, articles with their versions, search and the review list. Everyone
 * reads; knowledge editors change; other staff propose drafts.
 */
@RestController
@RequestMapping("/api/v1/knowledge")
class KnowledgeController {

	private final Articles articles;
	private final Categories categories;
	private final HybridSearch search;
	private final AuditLog audit;

	KnowledgeController(Articles articles, Categories categories, HybridSearch search, AuditLog audit) {
		this.articles = articles;
		this.categories = categories;
		this.search = search;
		this.audit = audit;
	}

	/** What customers and the assistant may read changed: a publication, a new published version, or a withdrawal. */
	private void audit(StaffCaller caller, @Nullable Article before, Article after) {
		boolean wasPublished = before != null && before.status() == ArticleStatus.PUBLISHED;
		boolean isPublished = after.status() == ArticleStatus.PUBLISHED;
		String action;
		if (isPublished && (!wasPublished || before.version() != after.version())) {
			action = "knowledge.published";
		}
		else if (wasPublished && !isPublished) {
			action = after.status() == ArticleStatus.ARCHIVED ? "knowledge.archived" : "knowledge.unpublished";
		}
		else {
			return;
		}
		audit.entry(caller, action).target("article:" + after.id()).detail(after.title())
			.changed(before == null ? null : Published.of(before), Published.of(after)).record();
	}

	/** An article as the audit log keeps it: which version of what, in which state; the text is in its history. */
	private record Published(String title, ArticleStatus status, int version) {
		static Published of(Article article) {
			return new Published(article.title(), article.status(), article.version());
		}
	}

	record CategoryRequest(@Nullable String name, @Nullable UUID parentId, @Nullable Integer position) {
	}

	/** An article's new state; {@code expectedVersion} guards against overwriting someone else's save. */
	record ArticleUpdate(@Nullable Integer expectedVersion, @Nullable ArticleKind kind, @Nullable String title,
			@Nullable String body, @Nullable UUID categoryId, @Nullable List<String> tags,
			@Nullable List<String> phrasings, @Nullable ArticleStatus status, @Nullable UUID ownerId,
			@Nullable LocalDate reviewBy) {

		ArticleDraft draft() {
			return new ArticleDraft(kind, title, body, categoryId, tags, phrasings, status, ownerId, reviewBy);
		}
	}

	@GetMapping("/categories")
	List<Category> categories(@AuthenticationPrincipal StaffCaller caller) {
		return categories.all(caller.organizationId());
	}

	@PostMapping("/categories")
	@ResponseStatus(HttpStatus.CREATED)
	Category createCategory(@AuthenticationPrincipal StaffCaller caller, @RequestBody CategoryRequest request) {
		return categories.create(caller, request.name(), request.parentId(), position(request));
	}

	@PutMapping("/categories/{id}")
	Category updateCategory(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody CategoryRequest request) {
		return categories.update(caller, id, request.name(), request.parentId(), position(request));
	}

	@DeleteMapping("/categories/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteCategory(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		categories.delete(caller, id);
	}

	/**
	 * Search by words (highlighted) and by meaning, fused; without {@code status} it covers drafts and published
	 * articles.
	 */
	@GetMapping("/search")
	List<SearchHit> search(@AuthenticationPrincipal StaffCaller caller, @RequestParam String q,
			@RequestParam(required = false) @Nullable UUID categoryId, @RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable Set<ArticleStatus> status,
			@RequestParam(required = false) @Nullable ArticleKind kind, @RequestParam(defaultValue = "20") int limit) {
		Set<ArticleStatus> statuses = status == null || status.isEmpty()
				? EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.PUBLISHED) : status;
		return search.search(caller.organizationId(), q, new SearchFilter(categoryId, tag, statuses, kind), limit);
	}

	/** A page of articles, most recently changed first; {@code reviewDue} lists those past their review date. */
	@GetMapping("/articles")
	List<Article> list(@AuthenticationPrincipal StaffCaller caller,
			@RequestParam(required = false) @Nullable ArticleStatus status,
			@RequestParam(required = false) @Nullable ArticleKind kind,
			@RequestParam(required = false) @Nullable UUID categoryId, @RequestParam(required = false) @Nullable String tag,
			@RequestParam(defaultValue = "false") boolean reviewDue,
			@RequestParam(required = false) @Nullable String owner, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "0") int offset) {
		UUID ownerId = owner == null ? null : "me".equals(owner) ? caller.userId() : dev.kefu.shared.Ids.parse(owner, "owner");
		return articles.list(caller.organizationId(),
				new Articles.Listing(status, kind, categoryId, tag, reviewDue, ownerId, limit, offset));
	}

	@PostMapping("/articles")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Article create(@AuthenticationPrincipal StaffCaller caller, @RequestBody ArticleUpdate request) {
		Article created = articles.create(caller, request.draft());
		audit(caller, null, created);
		return created;
	}

	@GetMapping("/articles/{id}")
	Article get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return articles.require(caller.organizationId(), id);
	}

	@PutMapping("/articles/{id}")
	@Transactional
	Article update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody ArticleUpdate request) {
		Article before = articles.require(caller.organizationId(), id);
		Article after = articles.update(caller, id, request.expectedVersion(), request.draft());
		audit(caller, before, after);
		return after;
	}

	@GetMapping("/articles/{id}/versions")
	List<ArticleVersion> versions(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return articles.versions(caller.organizationId(), id);
	}

	@GetMapping("/articles/{id}/versions/{version}")
	ArticleVersion version(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@PathVariable int version) {
		return articles.version(caller.organizationId(), id, version);
	}

	@GetMapping("/articles/{id}/compare")
	VersionComparison compare(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestParam int from, @RequestParam int to) {
		return VersionComparison.of(articles.version(caller.organizationId(), id, from),
				articles.version(caller.organizationId(), id, to));
	}

	@PostMapping("/articles/{id}/versions/{version}/restore")
	@Transactional
	Article restore(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id, @PathVariable int version) {
		Article before = articles.require(caller.organizationId(), id);
		Article after = articles.restore(caller, id, version);
		audit(caller, before, after);
		return after;
	}

	private static int position(CategoryRequest request) {
		return request.position() == null ? 0 : request.position();
	}
}
