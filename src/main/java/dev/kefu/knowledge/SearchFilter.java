package dev.kefu.knowledge;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What a search is limited to; null or empty means any. A category includes its subcategories. */
public record SearchFilter(@Nullable UUID categoryId, @Nullable String tag, Set<ArticleStatus> statuses,
		@Nullable ArticleKind kind) {

	public static SearchFilter published() {
		return new SearchFilter(null, null, Set.of(ArticleStatus.PUBLISHED), null);
	}
}
