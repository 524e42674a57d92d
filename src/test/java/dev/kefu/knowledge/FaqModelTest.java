package dev.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

/** The model's scoring: closest phrasing wins, and a large base's centroid shortlist finds what a full scan finds. */
class FaqModelTest {

	static final int DIMENSIONS = 64;
	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	/** Text "e12p3" is phrasing 3 of entry 12: near entry 12's own direction, the phrasings spread around it. */
	static final EmbeddingModel FAKE = new EmbeddingModel() {
		@Override
		public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
			return Response.from(segments.stream().map(s -> Embedding.from(vector(s.text()))).toList());
		}
	};

	@Test
	void anEntryIsFoundByItsClosestPhrasingNotByItsAverage() {
		List<Article> entries = List.of(entry(0, "e0p0", "e0p1", "e0p2"), entry(1, "e1p0"));
		FaqModel model = FaqModel.train(KnowledgeLanguage.ENGLISH, entries, new SentenceEncoder.Model(FAKE),
				FaqModel.empty(KnowledgeLanguage.ENGLISH));

		List<FaqModel.Scored> found = model.closest(vector("e0p2"), 2, TODAY);

		assertThat(found.getFirst().article().id()).isEqualTo(entries.getFirst().id());
		assertThat(found.getFirst().score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
	}

	@Test
	void aLargeBaseShortlistedByCentroidsAnswersAsAFullScanDoes() {
		List<Article> entries = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			entries.add(entry(i, "e" + i + "p0", "e" + i + "p1", "e" + i + "p2"));
		}
		FaqModel model = FaqModel.train(KnowledgeLanguage.ENGLISH, entries, new SentenceEncoder.Model(FAKE),
				FaqModel.empty(KnowledgeLanguage.ENGLISH));
		Random random = new Random(7);
		for (int q = 0; q < 200; q++) {
			int target = random.nextInt(entries.size());
			float[] question = noisy(vector("e" + target + "p" + random.nextInt(3)), random, 0.3f);

			assertThat(model.closest(question, 1, TODAY).getFirst().article().id())
				.isEqualTo(bruteForce(entries, question));
		}
	}

	@Test
	void expiredAndUnpublishedEntriesAreNeverFound() {
		Article expired = new Article(UUID.randomUUID(), UUID.randomUUID(), ArticleKind.FAQ, "e0p0", "answer", null,
				List.of(), List.of(), ArticleStatus.PUBLISHED, null, TODAY.minusDays(1), 1, Instant.EPOCH, UUID.randomUUID(),
				Instant.EPOCH, UUID.randomUUID(), 0, 0);
		FaqModel model = FaqModel.train(KnowledgeLanguage.ENGLISH, List.of(expired, entry(1, "e1p0")),
				new SentenceEncoder.Model(FAKE), FaqModel.empty(KnowledgeLanguage.ENGLISH));

		assertThat(model.closest(vector("e0p0"), 5, TODAY)).extracting(s -> s.article().title()).containsExactly("e1p0");
	}

	private static UUID bruteForce(List<Article> entries, float[] question) {
		UUID best = null;
		double bestScore = -2;
		for (Article a : entries) {
			for (String text : a.questions()) {
				double cos = dot(vector(text), question);
				if (cos > bestScore) {
					bestScore = cos;
					best = a.id();
				}
			}
		}
		return best;
	}

	private static Article entry(int i, String title, String... phrasings) {
		return new Article(new UUID(0, i), UUID.randomUUID(), ArticleKind.FAQ, title, "answer " + i, null, List.of(),
				List.of(phrasings), ArticleStatus.PUBLISHED, null, null, 1, Instant.EPOCH, UUID.randomUUID(), Instant.EPOCH,
				UUID.randomUUID(), 0, 0);
	}

	/**
	 * Entries come in groups of 20 about one topic, close to each other, and their phrasings stray far: the hard
	 * case for a shortlist by centroid.
	 */
	static float[] vector(String text) {
		int entry = Integer.parseInt(text.substring(1, text.indexOf('p')));
		int phrasing = Integer.parseInt(text.substring(text.indexOf('p') + 1));
		float[] topic = random(new Random(-1 - entry / 20));
		float[] base = noisy(topic, new Random(entry), 4f);
		return normalized(noisy(base, new Random(entry * 31L + phrasing + 1), phrasing == 0 ? 0 : 6f));
	}

	private static float[] random(Random random) {
		float[] v = new float[DIMENSIONS];
		for (int d = 0; d < v.length; d++) {
			v[d] = (float) random.nextGaussian();
		}
		return normalized(v);
	}

	private static float[] noisy(float[] v, Random random, float amount) {
		float[] out = v.clone();
		for (int d = 0; d < out.length; d++) {
			out[d] += amount * (float) random.nextGaussian() / (float) Math.sqrt(DIMENSIONS);
		}
		return normalized(out);
	}

	private static float[] normalized(float[] v) {
		double norm = Math.sqrt(dot(v, v));
		float[] out = new float[v.length];
		for (int d = 0; d < v.length; d++) {
			out[d] = (float) (v[d] / norm);
		}
		return out;
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int d = 0; d < a.length; d++) {
			sum += a[d] * b[d];
		}
		return sum;
	}
}
