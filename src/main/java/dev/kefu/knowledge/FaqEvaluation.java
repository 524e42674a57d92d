package dev.kefu.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.kefu.organization.Organization;
import dev.kefu.organization.Organizations;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assistant's quality, measured (bench/faq-eval.sh). Loads an FAQ dataset into a fresh organization's knowledge
 * base (one published entry per label, its texts as phrasings), trains the model, asks every query through
 * {@link Knowledge#suggestions} as the assistant does, writes the predictions CSV that eval_faq.py reads, and
 * prints top-1 accuracy and the automation rate at 90% and 95% precision with the thresholds that give them.
 */
@Component
@Profile("faq-eval")
class FaqEvaluation implements ApplicationRunner {

	private static final Set<String> HANDOVER = Set.of("oos", "");

	private final Organizations organizations;
	private final Articles articles;
	private final FaqModels models;
	private final Knowledge knowledge;
	private final JsonMapper json;
	private final ApplicationContext context;

	FaqEvaluation(Organizations organizations, Articles articles, FaqModels models, Knowledge knowledge,
			JsonMapper json, ApplicationContext context) {
		this.organizations = organizations;
		this.articles = articles;
		this.models = models;
		this.knowledge = knowledge;
		this.json = json;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Path knowledgeFile = Path.of(option(args, "knowledge", null));
		Path queryFile = Path.of(option(args, "queries", null));
		String labelColumn = option(args, "label-col", "label");
		String threshold = option(args, "threshold", "");
		Path out = Path.of(option(args, "out", "faq-predictions.csv"));

		Organization org = organizations.create("eval-" + UUID.randomUUID().toString().substring(0, 8), "Evaluation",
				"UTC");
		StaffCaller editor = new StaffCaller(UUID.randomUUID(), org.id(), "evaluation", Set.of(Role.KB_EDITOR));
		long start = System.nanoTime();
		Map<UUID, String> labels = load(editor, readKnowledge(knowledgeFile, labelColumn));
		FaqModel model = models.trainNow(org.id());
		long trained = System.nanoTime();

		List<String[]> queries = readQueries(queryFile, labelColumn);
		List<String> gold = new ArrayList<>();
		List<Prediction> predictions = new ArrayList<>();
		for (String[] query : queries) {
			List<Knowledge.Suggestion> best = knowledge.suggestions(org.id(), query[0], 1);
			Prediction p = best.isEmpty() ? new Prediction("oos", 0)
					: new Prediction(labels.get(best.getFirst().articleId()), best.getFirst().confidence());
			predictions.add(threshold.isEmpty() || p.score() >= Double.parseDouble(threshold) ? p
					: new Prediction("oos", p.score()));
			gold.add(query[1]);
		}
		long asked = System.nanoTime();
		write(out, predictions);
		System.out.printf(Locale.ROOT, "%s: %d entries (%s, %d phrasings), trained in %.1f s; %d queries in %.1f s%n",
				knowledgeFile, labels.size(), model.language(), model.phrasings(), (trained - start) / 1e9, queries.size(),
				(asked - trained) / 1e9);
		System.out.print(FaqMetrics.report(gold, predictions, threshold.isEmpty() ? null : Double.parseDouble(threshold)));
		System.out.println("predictions: " + out.toAbsolutePath());
		System.exit(SpringApplication.exit(context, () -> 0));
	}

	record Prediction(String label, double score) {
	}

	/** The knowledge as label -> texts, in file order: a CSV of (text, label), or bq's JSONL of standard questions. */
	private Map<String, List<String>> readKnowledge(Path file, String labelColumn) throws IOException {
		Map<String, List<String>> byLabel = new LinkedHashMap<>();
		if (file.toString().endsWith(".jsonl")) {
			// Each entry's paraphrases are the test queries themselves, so only the standard question is knowledge.
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					JsonNode entry = json.readTree(line);
					byLabel.computeIfAbsent(entry.path("faq_id").asString(), k -> new ArrayList<>())
						.add(entry.path("standard_question").asString());
				}
			}
			return byLabel;
		}
		for (String[] row : readQueries(file, labelColumn)) {
			if (!HANDOVER.contains(row[1])) {
				byLabel.computeIfAbsent(row[1], k -> new ArrayList<>()).add(row[0]);
			}
		}
		return byLabel;
	}

	/** Rows of (text, label) from a CSV whose header names text (or query) and the label column. */
	private static List<String[]> readQueries(Path file, String labelColumn) throws IOException {
		List<Csv.Row> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
		Map<String, Integer> header = new HashMap<>();
		for (int i = 0; i < rows.getFirst().fields().size(); i++) {
			header.put(rows.getFirst().fields().get(i), i);
		}
		int text = header.getOrDefault("text", header.getOrDefault("query", 0));
		int label = header.getOrDefault(labelColumn, header.getOrDefault("faq_id", header.getOrDefault("label", 1)));
		return rows.subList(1, rows.size()).stream().map(r -> new String[] { r.fields().get(text), r.fields().get(label) })
			.toList();
	}

	private Map<UUID, String> load(StaffCaller editor, Map<String, List<String>> knowledge) {
		Map<UUID, String> labels = new HashMap<>();
		knowledge.forEach((label, texts) -> {
			Article article = articles.create(editor, new ArticleDraft(ArticleKind.FAQ, texts.getFirst(), "Answer: " + label,
					null, List.of(), texts.subList(1, texts.size()), ArticleStatus.PUBLISHED, null, null));
			labels.put(article.id(), label);
		});
		return labels;
	}

	private static void write(Path out, List<Prediction> predictions) throws IOException {
		StringBuilder csv = new StringBuilder(Csv.line(List.of("pred", "score")));
		predictions.forEach(p -> csv.append(Csv.line(List.of(p.label(), String.format(Locale.ROOT, "%.6f", p.score())))));
		Files.writeString(out, csv.toString(), StandardCharsets.UTF_8);
	}

	private static String option(ApplicationArguments args, String name, @Nullable String fallback) {
		List<String> values = args.getOptionValues("faq-eval." + name);
		if (values == null || values.isEmpty()) {
			if (fallback == null) {
				throw new IllegalArgumentException("missing --faq-eval." + name);
			}
			return fallback;
		}
		return values.getFirst();
	}

	/** The metrics of ../shared/datasets/eval_faq.py, computed the same way, so one run reports them. */
	static final class FaqMetrics {

		private FaqMetrics() {
		}

		static String report(List<String> gold, List<Prediction> predictions, @Nullable Double threshold) {
			StringBuilder out = new StringBuilder();
			long inScope = gold.stream().filter(g -> !g.equals("oos")).count();
			long correct = 0;
			for (int i = 0; i < gold.size(); i++) {
				correct += !gold.get(i).equals("oos") && gold.get(i).equals(predictions.get(i).label()) ? 1 : 0;
			}
			out.append(String.format(Locale.ROOT, "queries %d (oos %d)%ntop1_in_scope %.4f%n", gold.size(),
					gold.size() - inScope, (double) correct / inScope));
			if (threshold != null) {
				return out.append(at(gold, predictions, threshold)).append('\n').toString();
			}
			for (double target : List.of(0.90, 0.95)) {
				Double t = lowestThreshold(gold, predictions, target);
				out.append(String.format(Locale.ROOT, "precision>=%.2f: %s%n", target,
						t == null ? "not reachable" : at(gold, predictions, t)));
			}
			return out.toString();
		}

		/** Sweeping every score from high to low, the last (lowest) at which precision still reaches the target. */
		static @Nullable Double lowestThreshold(List<String> gold, List<Prediction> predictions, double target) {
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < gold.size(); i++) {
				order.add(i);
			}
			order.sort(Comparator.comparingDouble(i -> -score(predictions.get(i))));
			Double best = null;
			int answered = 0;
			int correct = 0;
			for (int k = 0; k < order.size(); k++) {
				int i = order.get(k);
				Prediction p = predictions.get(i);
				if (HANDOVER.contains(p.label())) {
					break;
				}
				answered++;
				correct += gold.get(i).equals(p.label()) && !gold.get(i).equals("oos") ? 1 : 0;
				if (k + 1 < order.size() && score(predictions.get(order.get(k + 1))) == p.score()) {
					continue;
				}
				if ((double) correct / answered >= target) {
					best = p.score();
				}
			}
			return best;
		}

		static String at(List<String> gold, List<Prediction> predictions, double t) {
			int answered = 0;
			int correct = 0;
			int oos = 0;
			int oosHanded = 0;
			for (int i = 0; i < gold.size(); i++) {
				boolean answers = score(predictions.get(i)) >= t;
				boolean isOos = gold.get(i).equals("oos");
				oos += isOos ? 1 : 0;
				oosHanded += isOos && !answers ? 1 : 0;
				if (answers) {
					answered++;
					correct += !isOos && gold.get(i).equals(predictions.get(i).label()) ? 1 : 0;
				}
			}
			return String.format(Locale.ROOT, "threshold %.4f precision %.4f automation %.4f oos_recall %s", t,
					answered == 0 ? 1.0 : (double) correct / answered, (double) answered / gold.size(),
					oos == 0 ? "-" : String.format(Locale.ROOT, "%.4f", (double) oosHanded / oos));
		}

		private static double score(Prediction p) {
			return HANDOVER.contains(p.label()) ? Double.NEGATIVE_INFINITY : p.score();
		}
	}
}
