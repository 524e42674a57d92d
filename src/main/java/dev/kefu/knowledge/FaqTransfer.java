package dev.kefu.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.kefu.shared.DomainException;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Bulk import and export of FAQ entries as CSV or JSON. Each row is saved on its own, so a bad row is reported
 * (with its row number and reason) and the good ones are loaded. Categories are named by path ("Payments/Cards")
 * and created when missing.
 */
@Service
class FaqTransfer {

	static final List<String> COLUMNS = List.of("question", "answer", "phrasings", "category", "tags", "status");
	static final int MAX_ROWS = 50_000;

	private final Articles articles;
	private final Categories categories;
	private final JsonMapper json;

	FaqTransfer(Articles articles, Categories categories, JsonMapper json) {
		this.articles = articles;
		this.categories = categories;
		this.json = json;
	}

	/** One entry as it travels: phrasings and tags as lists, the category as a path. */
	record Entry(String question, String answer, List<String> phrasings, @Nullable String category, List<String> tags,
			@Nullable ArticleStatus status) {
	}

	record RowError(int row, String code, String message) {
	}

	@Schema(name = "FaqImportReport")
	record Report(int imported, List<RowError> errors) {
	}

	/**
	 * CSV with a header naming at least question and answer; phrasings are separated by line breaks or '|', tags
	 * by ',' or ';'. {@code row} in errors is the line the record starts on. A cell of apostrophes before a formula
	 * character ({@code '=SUM(A1)}) loses one apostrophe, as the export added it (see {@link Csv#defused}).
	 */
	Report importCsv(StaffCaller caller, String text, ArticleStatus defaultStatus) {
		KnowledgeRoles.requireEditor(caller);
		List<Csv.Row> rows = Csv.parse(text);
		if (rows.isEmpty()) {
			throw new RequestRejected("invalid-csv", "the file is empty");
		}
		Map<String, Integer> header = header(rows.getFirst());
		Importer importer = new Importer(caller, defaultStatus);
		for (Csv.Row row : rows.subList(1, Math.min(rows.size(), MAX_ROWS + 1))) {
			importer.add(row.line(), () -> new Entry(cell(row, header, "question"), cell(row, header, "answer"),
					split(cell(row, header, "phrasings"), "[\\n|]"), blankToNull(cell(row, header, "category")),
					split(cell(row, header, "tags"), "[,;]"), status(cell(row, header, "status"))));
		}
		return importer.report(rows.size() - 1);
	}

	/** A JSON array of entries; {@code row} in errors is the 1-based position in the array. */
	Report importJson(StaffCaller caller, String text, ArticleStatus defaultStatus) {
		KnowledgeRoles.requireEditor(caller);
		JsonNode array;
		try {
			array = json.readTree(text);
		}
		catch (JacksonException e) {
			throw new RequestRejected("invalid-json", "the file is not JSON: " + e.getOriginalMessage());
		}
		if (!array.isArray()) {
			throw new RequestRejected("invalid-json", "the file must hold a JSON array of entries");
		}
		Importer importer = new Importer(caller, defaultStatus);
		for (int i = 0; i < Math.min(array.size(), MAX_ROWS); i++) {
			JsonNode node = array.get(i);
			importer.add(i + 1, () -> new Entry(node.path("question").asString(""), node.path("answer").asString(""),
					strings(node.path("phrasings")), blankToNull(node.path("category").asString("")),
					strings(node.path("tags")), status(node.path("status").asString(""))));
		}
		return importer.report(array.size());
	}

	List<Entry> export(UUID organizationId) {
		Map<UUID, String> paths = paths(organizationId);
		return articles.all(organizationId)
			.stream()
			.filter(a -> a.kind() == ArticleKind.FAQ)
			.map(a -> new Entry(a.title(), a.body(), a.phrasings(), a.categoryId() == null ? null : paths.get(a.categoryId()),
					a.tags(), a.status()))
			.toList();
	}

	/** Cells that a spreadsheet would run as formulas are defused (see {@link Csv#defused}); import undoes it. */
	String exportCsv(UUID organizationId) {
		StringBuilder out = new StringBuilder(Csv.line(COLUMNS));
		for (Entry e : export(organizationId)) {
			out.append(Csv.line(Stream.of(e.question(), e.answer(), String.join("\n", e.phrasings()),
					e.category() == null ? "" : e.category(), String.join(",", e.tags()), e.status().name())
				.map(Csv::defused)
				.toList()));
		}
		return out.toString();
	}

	/** Saves rows one by one, collecting the reasons of those refused. */
	private final class Importer {

		private final StaffCaller caller;
		private final ArticleStatus defaultStatus;
		private final Map<String, UUID> categoryIds = new HashMap<>();
		private final List<RowError> errors = new ArrayList<>();
		private int imported;

		Importer(StaffCaller caller, ArticleStatus defaultStatus) {
			this.caller = caller;
			this.defaultStatus = defaultStatus;
			paths(caller.organizationId()).forEach((id, path) -> categoryIds.put(key(path), id));
		}

		interface RowReader {
			Entry read();
		}

		void add(int row, RowReader reader) {
			try {
				Entry e = reader.read();
				articles.create(caller, new ArticleDraft(ArticleKind.FAQ, e.question(), e.answer(), category(e.category()),
						e.tags(), e.phrasings(), e.status() == null ? defaultStatus : e.status(), null, null));
				imported++;
			}
			catch (DomainException e) {
				errors.add(new RowError(row, e.code(), e.getMessage()));
			}
		}

		Report report(int rows) {
			if (rows > MAX_ROWS) {
				errors.add(new RowError(MAX_ROWS + 1, "too-many-rows", "only the first " + MAX_ROWS + " rows were read"));
			}
			return new Report(imported, List.copyOf(errors));
		}

		private @Nullable UUID category(@Nullable String path) {
			if (path == null) {
				return null;
			}
			UUID parent = null;
			StringBuilder walked = new StringBuilder();
			for (String name : path.split("/")) {
				if (name.isBlank()) {
					throw new RequestRejected("invalid-category", "category path '" + path + "' has an empty part");
				}
				walked.append(walked.isEmpty() ? "" : "/").append(name.strip());
				UUID known = categoryIds.get(key(walked.toString()));
				if (known == null) {
					known = categories.create(caller, name.strip(), parent, 0).id();
					categoryIds.put(key(walked.toString()), known);
				}
				parent = known;
			}
			return parent;
		}
	}

	/** Each category's path from the root, "Payments/Cards". */
	private Map<UUID, String> paths(UUID organizationId) {
		List<Category> all = categories.all(organizationId);
		Map<UUID, String> names = new HashMap<>();
		all.forEach(c -> names.put(c.id(), c.name()));
		Map<UUID, String> paths = new HashMap<>();
		for (Category c : all) {
			List<String> parts = new ArrayList<>();
			categories.pathTo(all, c.id()).forEach(id -> parts.addFirst(names.get(id)));
			paths.put(c.id(), String.join("/", parts));
		}
		return paths;
	}

	private static Map<String, Integer> header(Csv.Row row) {
		Map<String, Integer> header = new HashMap<>();
		for (int i = 0; i < row.fields().size(); i++) {
			header.put(row.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		if (!header.containsKey("question") || !header.containsKey("answer")) {
			throw new RequestRejected("invalid-csv", "the header must name the columns question and answer (optional: "
					+ "phrasings, category, tags, status); it has " + row.fields());
		}
		return header;
	}

	private static String cell(Csv.Row row, Map<String, Integer> header, String column) {
		Integer at = header.get(column);
		return at == null || at >= row.fields().size() ? "" : Csv.restored(row.fields().get(at));
	}

	private static List<String> split(String cell, String separators) {
		return Arrays.stream(cell.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString("")));
		return values;
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.strip();
	}

	private static @Nullable ArticleStatus status(String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return ArticleStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new RequestRejected("invalid-status", "status must be DRAFT, PUBLISHED or ARCHIVED, not '" + value + "'");
		}
	}

	private static String key(String path) {
		return path.toLowerCase(Locale.ROOT);
	}
}
