package dev.kefu.knowledge;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kefu.shared.SqlTime;

/**
 * Reads articles with their tags and phrasings: one query per table for any number of articles, since the index
 * rebuild and the matcher load thousands at once.
 */
final class ArticleRows {

	private ArticleRows() {
	}

	/** Articles selected by {@code where} (a condition on kb_article a), in the order given by {@code orderBy}. */
	static List<Article> load(JdbcClient jdbc, String where, String orderBy, Map<String, ?> params) {
		List<Row> rows = jdbc.sql("SELECT * FROM kb_article a WHERE " + where + " ORDER BY " + orderBy)
			.params(params)
			.query(ArticleRows::row)
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<String>> tags = children(jdbc, "SELECT article_id, tag AS text FROM kb_article_tag WHERE article_id IN "
				+ "(SELECT id FROM kb_article a WHERE " + where + ") ORDER BY tag", params);
		Map<UUID, List<String>> phrasings = children(jdbc, "SELECT article_id, text FROM kb_phrasing WHERE article_id IN "
				+ "(SELECT id FROM kb_article a WHERE " + where + ") ORDER BY position", params);
		return rows.stream()
			.map(r -> r.with(tags.getOrDefault(r.id(), List.of()), phrasings.getOrDefault(r.id(), List.of())))
			.toList();
	}

	private static Map<UUID, List<String>> children(JdbcClient jdbc, String sql, Map<String, ?> params) {
		Map<UUID, List<String>> byArticle = new HashMap<>();
		jdbc.sql(sql).params(params).query(rs -> {
			byArticle.computeIfAbsent(rs.getObject("article_id", UUID.class), id -> new ArrayList<>())
				.add(rs.getString("text"));
		});
		return byArticle;
	}

	static Map<String, Object> ids(Collection<UUID> ids) {
		return Map.of("ids", ids);
	}

	private record Row(UUID id, UUID organizationId, ArticleKind kind, String title, String body,
			@Nullable UUID categoryId, ArticleStatus status, @Nullable UUID ownerId, @Nullable LocalDate reviewBy,
			int version, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy, int helpful,
			int notHelpful) {

		Article with(List<String> tags, List<String> phrasings) {
			return new Article(id, organizationId, kind, title, body, categoryId, List.copyOf(tags),
					List.copyOf(phrasings), status, ownerId, reviewBy, version, createdAt, createdBy, updatedAt,
					updatedBy, helpful, notHelpful);
		}
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Date reviewBy = rs.getDate("review_by");
		return new Row(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				ArticleKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
				rs.getObject("category_id", UUID.class), ArticleStatus.valueOf(rs.getString("status")),
				rs.getObject("owner_id", UUID.class), reviewBy == null ? null : reviewBy.toLocalDate(),
				rs.getInt("version"), Objects.requireNonNull(SqlTime.read(rs, "created_at")),
				rs.getObject("created_by", UUID.class), Objects.requireNonNull(SqlTime.read(rs, "updated_at")), rs.getObject("updated_by", UUID.class), rs.getInt("helpful"),
				rs.getInt("not_helpful"));
	}
}
