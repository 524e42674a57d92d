package dev.kefu.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The knowledge base's full-text index on this node: one Lucene index for all organizations, in the data folder.
 * Changes are searchable at once (near-real-time reopen); commits are batched, and what a crash loses since the
 * last commit is re-read from the database on start (the commit records how far it got).
 */
final class KnowledgeIndex implements AutoCloseable {

	static final String TITLE = "title";
	static final String BODY = "body";
	static final String QUESTIONS = "questions";
	private static final String ID = "id";
	private static final String ORG = "org";
	private static final String KIND = "kind";
	private static final String STATUS = "status";
	private static final String CATEGORY = "category";
	private static final String TAG = "tag";
	private static final String VERSION = "version";
	private static final String UP_TO = "upTo";
	private static final Map<String, Float> BOOSTS = Map.of(TITLE, 3f, QUESTIONS, 2f, BODY, 1f);

	private final Directory directory;
	private final Analyzer analyzer = KnowledgeAnalyzers.perField(TITLE, BODY, QUESTIONS);
	private final IndexWriter writer;
	private final SearcherManager searchers;
	private final boolean existed;

	KnowledgeIndex(Path folder) {
		try {
			directory = FSDirectory.open(folder);
			existed = DirectoryReader.indexExists(directory);
			writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the knowledge index in " + folder, e);
		}
	}

	/** False when the folder held no index: then everything must be indexed from the database. */
	boolean existed() {
		return existed;
	}

	/** The last change time the committed index is known to contain. */
	Optional<Instant> upTo() {
		return Optional.ofNullable(writer.getLiveCommitData())
			.flatMap(data -> {
				for (Map.Entry<String, String> entry : data) {
					if (entry.getKey().equals(UP_TO)) {
						return Optional.of(Instant.parse(entry.getValue()));
					}
				}
				return Optional.empty();
			});
	}

	/** Adds or replaces an article; {@code categoryPath} is its category and the ancestors, for filtering. */
	void put(Article article, List<UUID> categoryPath) {
		Document doc = new Document();
		doc.add(new StringField(ID, article.id().toString(), Field.Store.YES));
		doc.add(new StringField(ORG, article.organizationId().toString(), Field.Store.NO));
		doc.add(new StringField(KIND, article.kind().name(), Field.Store.YES));
		doc.add(new StringField(STATUS, article.status().name(), Field.Store.YES));
		doc.add(new StoredField(VERSION, article.version()));
		categoryPath.forEach(c -> doc.add(new StringField(CATEGORY, c.toString(), Field.Store.NO)));
		article.tags().forEach(t -> doc.add(new StringField(TAG, t, Field.Store.NO)));
		text(doc, TITLE, article.title(), true);
		text(doc, BODY, article.body(), true);
		article.phrasings().forEach(p -> text(doc, QUESTIONS, p, false));
		try {
			writer.updateDocument(new Term(ID, article.id().toString()), doc);
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The version of an article the index holds, if any: lets a catch-up skip what is already there. */
	Optional<Integer> versionOf(UUID articleId) {
		return withSearcher(searcher -> {
			TopDocs top = searcher.search(new TermQuery(new Term(ID, articleId.toString())), 1);
			if (top.scoreDocs.length == 0) {
				return Optional.empty();
			}
			return Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc).getField(VERSION).numericValue()
				.intValue());
		});
	}

	/** Makes the changes so far durable and records the change time they reach. */
	void commit(Instant upTo) {
		try {
			writer.setLiveCommitData(Map.of(UP_TO, upTo.toString()).entrySet());
			writer.commit();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	List<SearchHit> search(UUID organizationId, String text, SearchFilter filter, int limit) {
		Query matching = matching(text);
		if (matching == null) {
			return List.of();
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, Occur.MUST)
			.add(new TermQuery(new Term(ORG, organizationId.toString())), Occur.FILTER);
		filters(filter).forEach(q -> query.add(q, Occur.FILTER));
		Query built = query.build();
		return withSearcher(searcher -> hits(searcher, built, searcher.search(built, limit)));
	}

	private List<SearchHit> hits(IndexSearcher searcher, Query query, TopDocs top) throws IOException {
		UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
			.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
			.build();
		String[] fields = { TITLE + KnowledgeAnalyzers.ZH, BODY + KnowledgeAnalyzers.ZH };
		Map<String, String[]> marked = highlighter.highlightFields(fields, query, top, new int[] { 1, 2 });
		StoredFields stored = searcher.storedFields();
		List<SearchHit> hits = new ArrayList<>();
		for (int i = 0; i < top.scoreDocs.length; i++) {
			ScoreDoc hit = top.scoreDocs[i];
			Document doc = stored.document(hit.doc);
			hits.add(new SearchHit(UUID.fromString(doc.get(ID)), ArticleKind.valueOf(doc.get(KIND)),
					ArticleStatus.valueOf(doc.get(STATUS)), hit.score, orEscaped(marked.get(fields[0])[i], doc.get(fields[0])),
					orEscaped(marked.get(fields[1])[i], "")));
		}
		return hits;
	}

	/** The words in every text field, both analyses, titles and phrasings weighing more than bodies. */
	private Query matching(String text) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		int clauses = 0;
		for (Map.Entry<String, Float> field : BOOSTS.entrySet()) {
			for (String language : List.of(KnowledgeAnalyzers.ZH, KnowledgeAnalyzers.EN)) {
				Query words = new QueryBuilder(analyzer).createBooleanQuery(field.getKey() + language, text, Occur.SHOULD);
				if (words != null) {
					any.add(new BoostQuery(words, field.getValue()), Occur.SHOULD);
					clauses++;
				}
			}
		}
		return clauses == 0 ? null : any.build();
	}

	private static List<Query> filters(SearchFilter filter) {
		List<Query> filters = new ArrayList<>();
		if (filter.categoryId() != null) {
			filters.add(new TermQuery(new Term(CATEGORY, filter.categoryId().toString())));
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			filters.add(new TermQuery(new Term(TAG, filter.tag().strip().toLowerCase(Locale.ROOT))));
		}
		if (filter.kind() != null) {
			filters.add(new TermQuery(new Term(KIND, filter.kind().name())));
		}
		if (!filter.statuses().isEmpty()) {
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			filter.statuses().forEach(s -> any.add(new TermQuery(new Term(STATUS, s.name())), Occur.SHOULD));
			filters.add(any.build());
		}
		return filters;
	}

	private static void text(Document doc, String field, String value, boolean stored) {
		doc.add(new TextField(field + KnowledgeAnalyzers.ZH, value, stored ? Field.Store.YES : Field.Store.NO));
		doc.add(new TextField(field + KnowledgeAnalyzers.EN, value, Field.Store.NO));
	}

	private static String orEscaped(String highlighted, String plain) {
		if (highlighted != null) {
			return highlighted;
		}
		return SearchHit.escape(plain);
	}

	private interface SearcherWork<T> {
		T run(IndexSearcher searcher) throws IOException;
	}

	private <T> T withSearcher(SearcherWork<T> work) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return work.run(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}
}
