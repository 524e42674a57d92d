package dev.kefu.knowledge;

import java.util.UUID;

/**
 * An article found by words, with the title and a passage of the body where the words matched marked
 * {@code <mark>…</mark>} (the rest HTML-escaped, so both can be shown as HTML).
 */
public record SearchHit(UUID articleId, ArticleKind kind, ArticleStatus status, float score, String title,
		String snippet) {

	/** Text made safe to show as HTML, as the marked parts of a hit are. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
