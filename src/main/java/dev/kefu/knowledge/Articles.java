package dev.kefu.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.Ids;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps articles and their history. Editors write anything; other staff propose: they create drafts and change
 * their own drafts, which an editor then publishes. Every save is a new version, the first one included, so any
 * state can be compared and restored.
 */
@Service
class Articles {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final Categories categories;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;

	Articles(JdbcClient jdbc, Categories categories, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	Article create(StaffCaller caller, ArticleDraft input) {
		ArticleDraft draft = checked(caller, input);
		if (draft.status() == ArticleStatus.PUBLISHED) {
			KnowledgeRoles.requirePublisher(caller);
		}
		if (!KnowledgeRoles.edits(caller) && draft.status() != ArticleStatus.DRAFT) {
			throw new AccessDenied("only knowledge editors publish; propose the article as a draft");
		}
		UUID id = Ids.newId();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO kb_article (id, organization_id, kind, title, body, category_id, status, owner_id, review_by,
				                        version, created_at, created_by, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""")
			.params(id, caller.organizationId(), draft.kind().name(), draft.title(), draft.body(), draft.categoryId(),
					draft.status().name(), owner(caller, draft), draft.reviewBy(), SqlTime.of(now), caller.userId(),
					SqlTime.of(now), caller.userId())
			.update();
		writeLists(id, draft);
		return saved(caller, id, now);
	}

	/**
	 * Saves a new state. {@code expectedVersion}, when given, must be the current one: two editors saving over each
	 * other get a conflict instead of silently losing the first save.
	 */
	@Transactional
	Article update(StaffCaller caller, UUID id, @Nullable Integer expectedVersion, ArticleDraft input) {
		Article current = require(caller.organizationId(), id);
		ArticleDraft draft = checked(caller, input);
		requireMayChange(caller, current, draft.status());
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new StateConflict("stale-version", "the article is at version " + current.version() + ", not "
					+ expectedVersion + "; reload it and apply your change again");
		}
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE kb_article SET kind = ?, title = ?, body = ?, category_id = ?, status = ?, owner_id = ?,
				       review_by = ?, version = version + 1, updated_at = ?, updated_by = ?
				WHERE id = ? AND organization_id = ? AND version = ?""")
			.params(draft.kind().name(), draft.title(), draft.body(), draft.categoryId(), draft.status().name(),
					draft.ownerId() == null ? current.ownerId() : draft.ownerId(), draft.reviewBy(), SqlTime.of(now),
					caller.userId(), id, caller.organizationId(), current.version())
			.update();
		if (changed == 0) {
			throw new StateConflict("stale-version", "the article changed while saving; reload it and try again");
		}
		jdbc.sql("DELETE FROM kb_article_tag WHERE article_id = ?").param(id).update();
		jdbc.sql("DELETE FROM kb_phrasing WHERE article_id = ?").param(id).update();
		writeLists(id, draft);
		return saved(caller, id, now);
	}

	/** Makes an earlier version the current one again, as a new version (history is never rewritten). */
	@Transactional
	Article restore(StaffCaller caller, UUID id, int version) {
		KnowledgeRoles.requireEditor(caller);
		Article current = require(caller.organizationId(), id);
		ArticleVersion old = version(caller.organizationId(), id, version);
		return update(caller, id, current.version(), new ArticleDraft(current.kind(), old.title(), old.body(),
				old.categoryId(), old.tags(), old.phrasings(), old.status(), old.ownerId(), old.reviewBy()));
	}

	@Transactional
	void vote(UUID organizationId, UUID id, boolean helpful) {
		int counted = jdbc.sql("UPDATE kb_article SET " + (helpful ? "helpful = helpful + 1" : "not_helpful = not_helpful + 1")
				+ " WHERE id = ? AND organization_id = ? AND status = 'PUBLISHED'")
			.params(id, organizationId)
			.update();
		if (counted == 0) {
			throw new ResourceNotFound("article", id);
		}
	}

	Article require(UUID organizationId, UUID id) {
		return ArticleRows.load(jdbc, "a.id = :id AND a.organization_id = :org", "a.id", Map.of("id", id, "org",
				organizationId)).stream().findFirst().orElseThrow(() -> new ResourceNotFound("article", id));
	}

	/** All articles of the organization, for the index and the matcher. */
	List<Article> all(UUID organizationId) {
		return ArticleRows.load(jdbc, "a.organization_id = :org", "a.created_at, a.id", Map.of("org", organizationId));
	}

	/** Articles changed since {@code since}, over all organizations: how other nodes catch up. */
	List<Article> changedSince(Instant since) {
		return ArticleRows.load(jdbc, "a.updated_at > :since", "a.updated_at", Map.of("since", Objects.requireNonNull(
				SqlTime.of(since))));
	}

	/** What a listing is limited to; null means any. A category includes its subcategories. */
	record Listing(@Nullable ArticleStatus status, @Nullable ArticleKind kind, @Nullable UUID categoryId,
			@Nullable String tag, boolean reviewDue, @Nullable UUID ownerId, int limit, int offset) {
	}

	/** A page of articles, most recently changed first. */
	List<Article> list(UUID organizationId, Listing listing) {
		StringBuilder where = new StringBuilder("a.organization_id = :org");
		Map<String, Object> params = new HashMap<>(Map.of("org", organizationId, "limit",
				Math.max(1, Math.min(listing.limit(), 200)), "offset", Math.max(0, listing.offset())));
		if (listing.status() != null) {
			where.append(" AND a.status = :status");
			params.put("status", listing.status().name());
		}
		if (listing.kind() != null) {
			where.append(" AND a.kind = :kind");
			params.put("kind", listing.kind().name());
		}
		if (listing.categoryId() != null) {
			where.append(" AND a.category_id IN (:categories)");
			params.put("categories", categories.subtree(organizationId, listing.categoryId()));
		}
		if (listing.tag() != null && !listing.tag().isBlank()) {
			where.append(" AND a.id IN (SELECT article_id FROM kb_article_tag WHERE tag = :tag)");
			params.put("tag", listing.tag().strip().toLowerCase(java.util.Locale.ROOT));
		}
		if (listing.reviewDue()) {
			where.append(" AND a.status <> 'ARCHIVED' AND a.review_by < :today");
			params.put("today", today());
		}
		if (listing.ownerId() != null) {
			where.append(" AND a.owner_id = :owner");
			params.put("owner", listing.ownerId());
		}
		List<UUID> page = jdbc.sql("SELECT a.id FROM kb_article a WHERE " + where
				+ " ORDER BY a.updated_at DESC, a.id LIMIT :limit OFFSET :offset")
			.params(params)
			.query(UUID.class)
			.list();
		return page.isEmpty() ? List.of()
				: ArticleRows.load(jdbc, "a.id IN (:ids)", "a.updated_at DESC, a.id", ArticleRows.ids(page));
	}

	List<UUID> organizations() {
		return jdbc.sql("SELECT DISTINCT organization_id FROM kb_article").query(UUID.class).list();
	}

	List<ArticleVersion> versions(UUID organizationId, UUID id) {
		require(organizationId, id);
		return jdbc.sql("SELECT * FROM kb_article_version WHERE article_id = ? ORDER BY version DESC")
			.param(id)
			.query((rs, n) -> version(rs))
			.list();
	}

	ArticleVersion version(UUID organizationId, UUID id, int version) {
		require(organizationId, id);
		return jdbc.sql("SELECT * FROM kb_article_version WHERE article_id = ? AND version = ?")
			.params(id, version)
			.query((rs, n) -> version(rs))
			.optional()
			.orElseThrow(() -> new ResourceNotFound("version", id + "/" + version));
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	private ArticleDraft checked(StaffCaller caller, ArticleDraft input) {
		ArticleDraft draft = input.normalized();
		if (draft.categoryId() != null) {
			categories.require(caller.organizationId(), draft.categoryId());
		}
		return draft;
	}

	/**
	 * A proposer may keep working on their own draft; everything else is an editor's, and what customers see (a
	 * published article, or one being published) a publisher's.
	 */
	private static void requireMayChange(StaffCaller caller, Article current, ArticleStatus next) {
		if (current.status() == ArticleStatus.PUBLISHED || next == ArticleStatus.PUBLISHED) {
			KnowledgeRoles.requirePublisher(caller);
		}
		if (KnowledgeRoles.edits(caller)) {
			return;
		}
		if (current.status() != ArticleStatus.DRAFT || next != ArticleStatus.DRAFT
				|| !current.createdBy().equals(caller.userId())) {
			throw new AccessDenied("only knowledge editors change published articles or others' drafts");
		}
	}

	private static UUID owner(StaffCaller caller, ArticleDraft draft) {
		return draft.ownerId() == null ? caller.userId() : draft.ownerId();
	}

	private void writeLists(UUID id, ArticleDraft draft) {
		for (String tag : Objects.requireNonNull(draft.tags())) {
			jdbc.sql("INSERT INTO kb_article_tag (article_id, tag) VALUES (?, ?)").params(id, tag).update();
		}
		List<String> phrasings = Objects.requireNonNull(draft.phrasings());
		for (int i = 0; i < phrasings.size(); i++) {
			jdbc.sql("INSERT INTO kb_phrasing (article_id, position, text) VALUES (?, ?, ?)")
				.params(id, i, phrasings.get(i))
				.update();
		}
	}

	/** Records the saved state as a version and tells the index. */
	private Article saved(StaffCaller caller, UUID id, Instant now) {
		Article article = require(caller.organizationId(), id);
		jdbc.sql("""
				INSERT INTO kb_article_version (article_id, version, title, body, category_id, status, owner_id, review_by,
				                                tags, phrasings, edited_at, edited_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, article.version(), article.title(), article.body(), article.categoryId(),
					article.status().name(), article.ownerId(), article.reviewBy(), json.writeValueAsString(article.tags()),
					json.writeValueAsString(article.phrasings()), SqlTime.of(now), caller.userId())
			.update();
		events.publishEvent(new ArticleChanged(caller.organizationId(), id));
		return article;
	}

	private ArticleVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.Date reviewBy = rs.getDate("review_by");
		return new ArticleVersion(rs.getObject("article_id", UUID.class), rs.getInt("version"), rs.getString("title"),
				rs.getString("body"), rs.getObject("category_id", UUID.class), ArticleStatus.valueOf(rs.getString("status")),
				rs.getObject("owner_id", UUID.class), reviewBy == null ? null : reviewBy.toLocalDate(),
				json.readValue(rs.getString("tags"), STRINGS), json.readValue(rs.getString("phrasings"), STRINGS),
				Objects.requireNonNull(SqlTime.read(rs, "edited_at")), rs.getObject("edited_by", UUID.class));
	}
}
