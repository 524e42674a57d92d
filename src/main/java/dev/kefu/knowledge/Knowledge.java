package dev.kefu.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.lucene.util.VectorUtil;
import org.springframework.stereotype.Service;

/**
 * What other modules ask of the knowledge base: the entries that answer a customer's question, for the virtual
 * assistant and agent assist. Before the organization's model is trained (or its embedding model loaded) the
 * answer is empty rather than slow: no question ever waits for training.
 */
@Service
public class Knowledge {

	private final FaqModels models;
	private final SentenceEncoder encoder;
	private final Articles articles;

	Knowledge(FaqModels models, SentenceEncoder encoder, Articles articles) {
		this.models = models;
		this.encoder = encoder;
		this.articles = articles;
	}

	/**
	 * A published entry that may answer the question, with how sure the match is: the cosine of the question to the
	 * entry's closest phrasing, from -1 to 1 (the assistant answers above its threshold).
	 */
	public record Suggestion(UUID articleId, String question, String answer, double confidence) {
	}

	/** Up to {@code limit} suggestions, surest first; expired and unpublished entries never come back. */
	public List<Suggestion> suggestions(UUID organizationId, String question, int limit) {
		Optional<FaqModel> model = models.current(organizationId);
		if (model.isEmpty() || question.isBlank()) {
			return List.of();
		}
		return encoder.encoder(model.get().language())
			.map(e -> model.get()
				.closest(e.embed(question), limit, articles.today())
				.stream()
				.map(s -> new Suggestion(s.article().id(), s.article().title(), s.article().body(), s.score()))
				.toList())
			.orElse(List.of());
	}

	/** Texts that ask much the same, the most asked first: knowledge gaps, from questions nobody could answer. */
	public record Cluster(String example, int count, List<String> texts) {
	}

	/**
	 * Groups texts by meaning: each joins the first group whose first text it is at least {@code minSimilarity}
	 * close to (cosine), or starts a new one. Empty until the embedding model of the knowledge base's language has
	 * loaded.
	 */
	public List<Cluster> cluster(UUID organizationId, List<String> texts, double minSimilarity) {
		if (texts.isEmpty()) {
			return List.of();
		}
		KnowledgeLanguage language = models.current(organizationId)
			.map(FaqModel::language)
			.orElse(KnowledgeLanguage.of(texts));
		return encoder.encoder(language).map(e -> {
			List<float[]> vectors = e.embedAll(texts);
			List<float[]> heads = new ArrayList<>();
			List<List<String>> groups = new ArrayList<>();
			for (int i = 0; i < texts.size(); i++) {
				int joined = -1;
				for (int g = 0; g < heads.size() && joined < 0; g++) {
					if (VectorUtil.dotProduct(heads.get(g), vectors.get(i)) >= minSimilarity) {
						joined = g;
					}
				}
				if (joined < 0) {
					heads.add(vectors.get(i));
					groups.add(new ArrayList<>());
					joined = groups.size() - 1;
				}
				groups.get(joined).add(texts.get(i));
			}
			return groups.stream()
				.map(g -> new Cluster(g.getFirst(), g.size(), List.copyOf(g)))
				.sorted(Comparator.comparingInt(Cluster::count).reversed())
				.toList();
		}).orElse(List.of());
	}
}
