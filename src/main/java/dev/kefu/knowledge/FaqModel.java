package dev.kefu.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.apache.lucene.util.VectorUtil;

/**
 * What the assistant knows of one organization's published FAQ entries: a vector for every way each question is
 * asked (the standard question and each phrasing), made by one embedding model. A customer's question scores each
 * entry by its closest phrasing (cosine), so every phrasing added teaches the entry another way of being asked.
 * Immutable: a retrain builds a new one and swaps it in.
 */
final class FaqModel {

	private final KnowledgeLanguage language;
	private final List<Article> entries;
	private final List<String> texts;
	private final float[][] vectors;
	/** Entry i's phrasings are vectors[first[i]] to vectors[first[i + 1] - 1]. */
	private final int[] first;
	/** Each entry's phrasings averaged and normalized: the first, cheap pass over a large base. */
	private final float[][] centroids;

	/**
	 * Past this many entries a question is first compared with every entry's centroid, and only the closest this
	 * many are scored by all their phrasings. A base of 10,000 entries with 3 phrasings each then costs about a
	 * third of the full scan; smaller bases (every evaluation set) are scanned whole.
	 */
	static final int SHORTLIST = 300;

	private FaqModel(KnowledgeLanguage language, List<Article> entries, List<String> texts, float[][] vectors,
			int[] owner) {
		this.language = language;
		this.entries = List.copyOf(entries);
		this.texts = texts;
		this.vectors = vectors;
		this.first = new int[entries.size() + 1];
		this.centroids = new float[entries.size()][];
		for (int p = owner.length - 1; p >= 0; p--) {
			first[owner[p]] = p;
		}
		first[entries.size()] = vectors.length;
		for (int i = 0; i < entries.size(); i++) {
			centroids[i] = centroid(first[i], first[i + 1]);
		}
	}

	private float[] centroid(int from, int to) {
		float[] sum = new float[from < to ? vectors[from].length : 0];
		for (int p = from; p < to; p++) {
			for (int d = 0; d < sum.length; d++) {
				sum[d] += vectors[p][d];
			}
		}
		double norm = 0;
		for (float x : sum) {
			norm += x * x;
		}
		for (int d = 0; d < sum.length && norm > 0; d++) {
			sum[d] /= (float) Math.sqrt(norm);
		}
		return sum;
	}

	static FaqModel empty(KnowledgeLanguage language) {
		return new FaqModel(language, List.of(), List.of(), new float[0][], new int[0]);
	}

	/**
	 * Builds the model: every question of every entry, embedded in batches. Texts the {@code previous} model already
	 * embedded (same language) are taken from it, so a retrain after an edit or during an import embeds only what is
	 * new.
	 */
	static FaqModel train(KnowledgeLanguage language, List<Article> entries, SentenceEncoder.Model encoder,
			FaqModel previous) {
		Map<String, float[]> known = new HashMap<>();
		if (previous.language == language) {
			for (int p = 0; p < previous.texts.size(); p++) {
				known.put(previous.texts.get(p), previous.vectors[p]);
			}
		}
		List<String> texts = new ArrayList<>();
		List<Integer> owners = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			for (String question : entries.get(i).questions()) {
				texts.add(question);
				owners.add(i);
			}
		}
		float[][] vectors = new float[texts.size()][];
		List<Integer> missing = new ArrayList<>();
		for (int p = 0; p < texts.size(); p++) {
			vectors[p] = known.get(texts.get(p));
			if (vectors[p] == null) {
				missing.add(p);
			}
		}
		int batch = 64;
		for (int from = 0; from < missing.size(); from += batch) {
			List<Integer> slice = missing.subList(from, Math.min(missing.size(), from + batch));
			List<float[]> embedded = encoder.embedAll(slice.stream().map(texts::get).toList());
			for (int k = 0; k < embedded.size(); k++) {
				vectors[slice.get(k)] = embedded.get(k);
			}
		}
		return new FaqModel(language, entries, List.copyOf(texts), vectors,
				owners.stream().mapToInt(Integer::intValue).toArray());
	}

	KnowledgeLanguage language() {
		return language;
	}

	int size() {
		return entries.size();
	}

	int phrasings() {
		return vectors.length;
	}

	/** An entry and how close the question came to it (cosine of the closest phrasing, -1 to 1). */
	record Scored(Article article, double score) {
	}

	/**
	 * The {@code limit} entries closest to the question (the cosine of their closest phrasing), closest first,
	 * skipping those expired on {@code today}.
	 */
	List<Scored> closest(float[] question, int limit, LocalDate today) {
		double[] best = new double[entries.size()];
		List<Integer> scored = new ArrayList<>();
		for (int i : candidates(question, today)) {
			best[i] = -2;
			for (int p = first[i]; p < first[i + 1]; p++) {
				best[i] = Math.max(best[i], dot(question, vectors[p]));
			}
			scored.add(i);
		}
		return top(scored, best, limit).stream().map(i -> new Scored(entries.get(i), best[i])).toList();
	}

	/** The entries worth scoring phrasing by phrasing: all that answer today, or the shortlist of a large base. */
	private int[] candidates(float[] question, LocalDate today) {
		List<Integer> answering = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).answersOn(today)) {
				answering.add(i);
			}
		}
		if (answering.size() <= SHORTLIST) {
			return answering.stream().mapToInt(Integer::intValue).toArray();
		}
		double[] rough = new double[entries.size()];
		answering.forEach(i -> rough[i] = dot(question, centroids[i]));
		return top(answering, rough, SHORTLIST).stream().mapToInt(Integer::intValue).toArray();
	}

	/** The {@code limit} of {@code among} with the highest {@code score}, highest first. */
	private static List<Integer> top(List<Integer> among, double[] score, int limit) {
		PriorityQueue<Integer> top = new PriorityQueue<>(Comparator.comparingDouble(i -> score[i]));
		for (int i : among) {
			top.add(i);
			if (top.size() > limit) {
				top.poll();
			}
		}
		List<Integer> ordered = new ArrayList<>();
		while (!top.isEmpty()) {
			ordered.addFirst(top.poll());
		}
		return ordered;
	}

	/** Lucene's, which uses SIMD where the JVM offers it: this loop is most of a question's time on a large base. */
	private static double dot(float[] a, float[] b) {
		return VectorUtil.dotProduct(a, b);
	}
}
