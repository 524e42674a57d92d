package dev.kefu.knowledge;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.organization.Organizations;
import dev.kefu.shared.ResourceNotFound;

/**
 * The public help center of each organization: search, categories, published articles and "did this help?" votes.
 * No login; nothing but published articles ever comes out.
 */
@RestController
class HelpCenterController {

	private final Organizations organizations;
	private final HybridSearch search;
	private final Articles articles;
	private final Categories categories;
	private final HelpfulVotes votes;

	HelpCenterController(Organizations organizations, HybridSearch search, Articles articles, Categories categories,
			HelpfulVotes votes) {
		this.organizations = organizations;
		this.search = search;
		this.articles = articles;
		this.categories = categories;
		this.votes = votes;
	}

	/** An article as the public sees it: no owner, no review date, no history. */
	record PublicArticle(UUID id, ArticleKind kind, String title, String body, @Nullable UUID categoryId,
			List<String> tags, java.time.Instant updatedAt, int helpful, int notHelpful) {

		static PublicArticle of(Article a) {
			return new PublicArticle(a.id(), a.kind(), a.title(), a.body(), a.categoryId(), a.tags(), a.updatedAt(),
					a.helpful(), a.notHelpful());
		}
	}

	record Vote(boolean helpful) {
	}

	@GetMapping("/api/v1/help/{organization}/search")
	List<SearchHit> search(@PathVariable String organization, @RequestParam String q,
			@RequestParam(required = false) @Nullable UUID categoryId, @RequestParam(defaultValue = "8") int limit) {
		return search.search(org(organization), q,
				new SearchFilter(categoryId, null, Set.of(ArticleStatus.PUBLISHED), null), Math.min(limit, 20));
	}

	@GetMapping("/api/v1/help/{organization}/categories")
	List<Category> categories(@PathVariable String organization) {
		return categories.all(org(organization));
	}

	/** Published articles, most recently changed first, optionally of one category and its subcategories. */
	@GetMapping("/api/v1/help/{organization}/articles")
	List<PublicArticle> articles(@PathVariable String organization,
			@RequestParam(required = false) @Nullable UUID categoryId, @RequestParam(defaultValue = "50") int limit) {
		return articles.list(org(organization), new Articles.Listing(ArticleStatus.PUBLISHED, null, categoryId, null,
				false, null, limit, 0))
			.stream()
			.sorted(Comparator.comparing(Article::updatedAt).reversed())
			.map(PublicArticle::of)
			.toList();
	}

	@GetMapping("/api/v1/help/{organization}/articles/{id}")
	PublicArticle article(@PathVariable String organization, @PathVariable UUID id) {
		Article article = articles.require(org(organization), id);
		if (article.status() != ArticleStatus.PUBLISHED) {
			throw new ResourceNotFound("article", id);
		}
		return PublicArticle.of(article);
	}

	@PostMapping("/api/v1/help/{organization}/articles/{id}/votes")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void vote(@PathVariable String organization, @PathVariable UUID id, @RequestBody Vote vote,
			HttpServletRequest request) {
		UUID org = org(organization);
		votes.allow(request.getRemoteAddr(), id);
		articles.vote(org, id, vote.helpful());
	}

	private UUID org(String slug) {
		return organizations.findBySlug(slug)
			.orElseThrow(() -> new ResourceNotFound("organization", slug))
			.id();
	}
}
