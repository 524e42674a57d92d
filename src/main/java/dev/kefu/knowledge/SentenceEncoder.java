package dev.kefu.knowledge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * Turns sentences into unit-length vectors with in-process ONNX models: bge-small-zh v1.5 for Chinese and
 * bge-small-en v1.5 for English (both quantized, from Maven Central; no external service; {@link OnnxSentenceModel}
 * says how they run). For English, bge-small-en matched FAQ questions better than all-MiniLM-L6-v2 on every
 * validation set and embeds faster (docs/benchmarks.md). The models load in the background when the application
 * starts, off every request path; until one is loaded, {@link #encoder} says so and callers fall back to words alone.
 */
@Component
class SentenceEncoder {

	private static final Logger log = LoggerFactory.getLogger(SentenceEncoder.class);

	private final Map<KnowledgeLanguage, CompletableFuture<EmbeddingModel>> models = new EnumMap<>(KnowledgeLanguage.class);

	SentenceEncoder() {
		load(KnowledgeLanguage.CHINESE, OnnxSentenceModel::chinese);
		load(KnowledgeLanguage.ENGLISH, OnnxSentenceModel::english);
	}

	private void load(KnowledgeLanguage language, Supplier<EmbeddingModel> model) {
		models.put(language, CompletableFuture.supplyAsync(() -> {
			long start = System.nanoTime();
			EmbeddingModel loaded = model.get();
			loaded.embed("warm up");
			log.info("Embedding model for {} loaded in {} ms", language, (System.nanoTime() - start) / 1_000_000);
			return loaded;
		}, Executors.newVirtualThreadPerTaskExecutor()));
	}

	/** The model for the language if it has loaded; never waits. */
	Optional<Model> encoder(KnowledgeLanguage language) {
		CompletableFuture<EmbeddingModel> model = models.get(language);
		return model.isDone() && !model.isCompletedExceptionally() ? Optional.of(new Model(model.join())) : Optional.empty();
	}

	/** Waits for the model: for background work (training), never for a customer's question. */
	Model await(KnowledgeLanguage language) {
		return new Model(models.get(language).join());
	}

	/** One loaded model. Vectors are normalized, so a dot product is the cosine. */
	record Model(EmbeddingModel model) {

		float[] embed(String text) {
			return normalized(model.embed(prepared(text)).content().vector());
		}

		List<float[]> embedAll(List<String> texts) {
			if (texts.isEmpty()) {
				return List.of();
			}
			List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(prepared(t))).toList();
			List<float[]> vectors = new ArrayList<>(texts.size());
			model.embedAll(segments).content().forEach(e -> vectors.add(normalized(e.vector())));
			return vectors;
		}

		/**
		 * The tokenizer shipped with bge-small-zh (langchain4j artifact) does not lowercase, and its vocabulary has no
		 * uppercase Latin letters: "APP", "QQ", "ID" become [UNK]. bge-small-en lowercases anyway, so this changes
		 * nothing for English.
		 */
		private static String prepared(String text) {
			return text.isBlank() ? "?" : text.toLowerCase(Locale.ROOT);
		}

		private static float[] normalized(float[] v) {
			double norm = 0;
			for (float x : v) {
				norm += x * x;
			}
			float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
			for (int i = 0; i < v.length; i++) {
				v[i] *= scale;
			}
			return v;
		}
	}
}
