package dev.kefu.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import dev.kefu.shared.Text;

/**
 * Search by words and by meaning together: Lucene's hits and the FAQ model's closest entries, fused by reciprocal
 * rank (each list adds 1 / (60 + rank)), so an article that is found both ways comes first and a paraphrase that
 * shares no word with the article still finds it. Meaning only covers published, unexpired entries; words cover
 * everything the filter allows.
 */
@Service
class HybridSearch {

	private static final int RANK_OFFSET = 60;
	/** Entries further than this below the closest one are not related enough to show. */
	private static final double SEMANTIC_WINDOW = 0.15;

	private final KnowledgeSearch words;
	private final FaqModels models;
	private final SentenceEncoder encoder;
	private final Categories categories;
	private final Articles articles;

	HybridSearch(KnowledgeSearch words, FaqModels models, SentenceEncoder encoder, Categories categories,
			Articles articles) {
		this.words = words;
		this.models = models;
		this.encoder = encoder;
		this.categories = categories;
		this.articles = articles;
	}

	List<SearchHit> search(UUID organizationId, String text, SearchFilter filter, int limit) {
		int n = Math.max(1, Math.min(limit, 100));
		Map<UUID, Double> fused = new HashMap<>();
		Map<UUID, SearchHit> hits = new LinkedHashMap<>();
		List<SearchHit> lexical = words.search(organizationId, text, filter, n * 2);
		for (int rank = 0; rank < lexical.size(); rank++) {
			fused.merge(lexical.get(rank).articleId(), 1.0 / (RANK_OFFSET + rank + 1), Double::sum);
			hits.put(lexical.get(rank).articleId(), lexical.get(rank));
		}
		List<Article> close = semantic(organizationId, text, filter, n * 2);
		for (int rank = 0; rank < close.size(); rank++) {
			Article a = close.get(rank);
			fused.merge(a.id(), 1.0 / (RANK_OFFSET + rank + 1), Double::sum);
			hits.putIfAbsent(a.id(), new SearchHit(a.id(), a.kind(), a.status(), 0, SearchHit.escape(a.title()),
					SearchHit.escape(start(a.body()))));
		}
		List<SearchHit> ranked = new ArrayList<>(hits.values());
		ranked.sort(Comparator.comparingDouble((SearchHit h) -> -fused.get(h.articleId())));
		return ranked.subList(0, Math.min(n, ranked.size())).stream()
			.map(h -> new SearchHit(h.articleId(), h.kind(), h.status(), fused.get(h.articleId()).floatValue(), h.title(),
					h.snippet()))
			.toList();
	}

	private List<Article> semantic(UUID organizationId, String text, SearchFilter filter, int limit) {
		if (!filter.statuses().isEmpty() && !filter.statuses().contains(ArticleStatus.PUBLISHED)) {
			return List.of();
		}
		return models.current(organizationId)
			.flatMap(model -> encoder.encoder(model.language())
				.map(e -> model.closest(e.embed(text), limit, articles.today())))
			.map(scored -> {
				double best = scored.isEmpty() ? 0 : scored.getFirst().score();
				Set<UUID> inCategory = filter.categoryId() == null ? null
						: categories.subtree(organizationId, filter.categoryId());
				return scored.stream()
					.filter(s -> s.score() >= best - SEMANTIC_WINDOW)
					.map(FaqModel.Scored::article)
					.filter(a -> filter.kind() == null || a.kind() == filter.kind())
					.filter(a -> filter.tag() == null || filter.tag().isBlank()
							|| a.tags().contains(filter.tag().strip().toLowerCase(Locale.ROOT)))
					.filter(a -> inCategory == null || inCategory.contains(a.categoryId()))
					.toList();
			})
			.orElse(List.of());
	}

	private static String start(String body) {
		return body.length() <= 160 ? body : Text.cut(body, 160) + "…";
	}
}
