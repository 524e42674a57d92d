package dev.kefu.knowledge;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.kefu.shared.AfterCommit;

/**
 * Each organization's current {@link FaqModel}, retrained in the background after its knowledge changes. Changes
 * coming in a burst (an import) lead to one retrain shortly after the last; questions are answered with the
 * previous model meanwhile.
 */
@Component
class FaqModels implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FaqModels.class);
	private static final Duration SETTLE = Duration.ofSeconds(2);

	private final Articles articles;
	private final SentenceEncoder encoder;
	private final Map<UUID, FaqModel> current = new ConcurrentHashMap<>();
	private final Map<UUID, Boolean> scheduled = new ConcurrentHashMap<>();
	private final ScheduledExecutorService trainer = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("faq-trainer").daemon().factory());

	FaqModels(Articles articles, SentenceEncoder encoder) {
		this.articles = articles;
		this.encoder = encoder;
	}

	/** The organization's model if one is trained; asks for one otherwise. Never waits. */
	Optional<FaqModel> current(UUID organizationId) {
		FaqModel model = current.get(organizationId);
		if (model == null) {
			stale(organizationId);
		}
		return Optional.ofNullable(model);
	}

	@EventListener
	void on(ArticleChanged changed) {
		AfterCommit.run(() -> stale(changed.organizationId()));
	}

	/** Retrains the organization's model soon, once. */
	void stale(UUID organizationId) {
		if (scheduled.putIfAbsent(organizationId, Boolean.TRUE) == null) {
			trainer.schedule(() -> retrain(organizationId), SETTLE.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** Trains now, in the caller's thread: for the evaluation command, which must not answer before it is done. */
	FaqModel trainNow(UUID organizationId) {
		FaqModel model = train(organizationId);
		current.put(organizationId, model);
		return model;
	}

	private void retrain(UUID organizationId) {
		scheduled.remove(organizationId);
		try {
			current.put(organizationId, train(organizationId));
		}
		catch (RuntimeException e) {
			log.warn("Could not retrain the FAQ model of organization {}; the previous one stays", organizationId, e);
		}
	}

	private FaqModel train(UUID organizationId) {
		long start = System.nanoTime();
		List<Article> published = articles.all(organizationId)
			.stream()
			.filter(a -> a.status() == ArticleStatus.PUBLISHED)
			.toList();
		KnowledgeLanguage language = KnowledgeLanguage.of(published.stream().map(Article::title).toList());
		FaqModel model = FaqModel.train(language, published, encoder.await(language),
				current.getOrDefault(organizationId, FaqModel.empty(language)));
		log.info("FAQ model of organization {} trained: {} entries, {}, {} ms", organizationId, model.size(), language,
				(System.nanoTime() - start) / 1_000_000);
		return model;
	}

	@Override
	public void destroy() {
		trainer.shutdownNow();
	}
}
