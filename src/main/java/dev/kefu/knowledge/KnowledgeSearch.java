package dev.kefu.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dev.kefu.shared.AfterCommit;

/**
 * Keeps this node's index in step with the database and answers searches. A change made here is indexed when its
 * transaction commits; changes made on other nodes are picked up by a poll of recently changed articles, which
 * also catches anything a crash lost before the last index commit.
 */
@Service
class KnowledgeSearch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeSearch.class);
	/** Transactions commit out of order; re-reading this much before the last change seen loses none of them. */
	private static final Duration LOOKBACK = Duration.ofSeconds(30);

	private final Articles articles;
	private final Categories categories;
	private final FaqModels models;
	private final KnowledgeIndex index;
	/** Changes before this are in the index; each poll re-reads from here, a lookback before its own start. */
	private volatile Instant readFrom = Instant.EPOCH;
	private volatile boolean ready;

	/** {@code indexDir} is this node's own: Lucene locks it, and every node rebuilds its index from the database. */
	KnowledgeSearch(Articles articles, Categories categories, FaqModels models,
			@Value("${kefu.knowledge.index-dir:${kefu.data-dir}/index/knowledge}") Path indexDir) {
		this.articles = articles;
		this.categories = categories;
		this.models = models;
		this.index = new KnowledgeIndex(indexDir);
	}

	/** Rebuilds a missing index from the database, or catches up from where the last commit stopped. */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		Instant start = Instant.now();
		int indexed = 0;
		if (!index.existed() || index.upTo().isEmpty()) {
			for (UUID org : articles.organizations()) {
				indexed += indexAll(articles.all(org));
			}
		}
		else {
			readFrom = index.upTo().get();
		}
		indexed += poll();
		ready = true;
		log.info("Knowledge index ready: {} articles (re)indexed in {} ms", indexed,
				Duration.between(start, Instant.now()).toMillis());
	}

	/**
	 * After commit by hand, not {@code @TransactionalEventListener}: Spring Modulith would record each one in its
	 * publication registry, thousands of rows for a bulk import, and a missed one is caught up by {@link #poll}.
	 */
	@EventListener
	void on(ArticleChanged changed) {
		AfterCommit.run(() -> put(articles.require(changed.organizationId(), changed.articleId())));
	}

	@Scheduled(fixedDelayString = "${kefu.knowledge.poll-interval:5s}", initialDelayString = "${kefu.knowledge.poll-interval:5s}")
	int poll() {
		// Not from the newest change seen: after a bulk import that re-read thousands of articles every poll.
		Instant started = Instant.now();
		List<Article> changed = articles.changedSince(readFrom);
		int indexed = 0;
		for (Article article : changed) {
			if (index.versionOf(article.id()).filter(v -> v >= article.version()).isEmpty()) {
				put(article);
				// Changed on another node (or lost in a crash): this node's FAQ model must learn it too.
				models.stale(article.organizationId());
				indexed++;
			}
		}
		readFrom = started.minus(LOOKBACK);
		if (!changed.isEmpty()) {
			index.commit(readFrom);
		}
		return indexed;
	}

	List<SearchHit> search(UUID organizationId, String text, SearchFilter filter, int limit) {
		return index.search(organizationId, text, filter, Math.max(1, Math.min(limit, 100)));
	}

	boolean ready() {
		return ready;
	}

	private int indexAll(List<Article> all) {
		if (all.isEmpty()) {
			return 0;
		}
		List<Category> tree = categories.all(all.getFirst().organizationId());
		all.forEach(article -> index.put(article, categories.pathTo(tree, article.categoryId())));
		return all.size();
	}

	private void put(Article article) {
		List<Category> tree = categories.all(article.organizationId());
		index.put(article, categories.pathTo(tree, article.categoryId()));
	}

	@Override
	public void destroy() throws IOException {
		index.commit(readFrom);
		index.close();
	}
}
