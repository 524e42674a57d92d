package dev.kefu.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.organization.DemoOrganizationCreated;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo shop's knowledge base, from {@code demo/knowledge.json}: FAQ entries in English and Chinese that the
 * assistant answers from, and help-center articles, all published, in a few categories. Saved through
 * {@link Articles} as the demo's admin, so they are versioned, indexed and (through {@link ArticleChanged}) trained
 * into the FAQ model like any entry an editor writes. A knowledge base that already holds anything is left alone: a
 * republished event must not add the content twice.
 */
@Component
class DemoKnowledge {

	static final String CONTENT = "demo/knowledge.json";

	private final Articles articles;
	private final Categories categories;
	private final JsonMapper json;

	DemoKnowledge(Articles articles, Categories categories, JsonMapper json) {
		this.articles = articles;
		this.categories = categories;
		this.json = json;
	}

	/** An entry of the file; {@code category} is the index of its category in {@link Content#categories}. */
	record Entry(int category, List<String> tags, @Nullable String question, @Nullable String answer,
			@Nullable List<String> phrasings, @Nullable String title, @Nullable String body) {
	}

	record Content(List<String> categories, List<Entry> faq, List<Entry> articles) {
	}

	@ApplicationModuleListener
	void on(DemoOrganizationCreated created) {
		if (!articles.all(created.organizationId()).isEmpty()) {
			return;
		}
		StaffCaller admin = new StaffCaller(created.adminId(), created.organizationId(), "Admin", Set.of(Role.ADMIN));
		Content content = content();
		List<UUID> categoryIds = new ArrayList<>();
		for (int i = 0; i < content.categories().size(); i++) {
			categoryIds.add(categories.create(admin, content.categories().get(i), null, i).id());
		}
		for (Entry faq : content.faq()) {
			articles.create(admin, new ArticleDraft(ArticleKind.FAQ, faq.question(), faq.answer(),
					categoryIds.get(faq.category()), faq.tags(), faq.phrasings(), ArticleStatus.PUBLISHED, null, null));
		}
		for (Entry article : content.articles()) {
			articles.create(admin, new ArticleDraft(ArticleKind.ARTICLE, article.title(), article.body(),
					categoryIds.get(article.category()), article.tags(), List.of(), ArticleStatus.PUBLISHED, null, null));
		}
	}

	Content content() {
		try (InputStream in = new ClassPathResource(CONTENT).getInputStream()) {
			return json.readValue(in, Content.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + CONTENT, e);
		}
	}
}
