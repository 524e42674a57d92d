package dev.kefu.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An article as one edit left it. */
public record ArticleVersion(UUID articleId, int version, String title, String body, @Nullable UUID categoryId,
		ArticleStatus status, @Nullable UUID ownerId, @Nullable LocalDate reviewBy, List<String> tags,
		List<String> phrasings, Instant editedAt, UUID editedBy) {
}
