package dev.kefu.knowledge;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Text;
import dev.kefu.shared.WellFormedBodies;

/**
 * What an editor writes: everything an article holds except its history. {@link #normalized()} checks it and
 * tidies lists (trimmed, duplicates and blanks dropped) so that the same content always saves the same way.
 */
public record ArticleDraft(@Nullable ArticleKind kind, @Nullable String title, @Nullable String body,
		@Nullable UUID categoryId, @Nullable List<String> tags, @Nullable List<String> phrasings,
		@Nullable ArticleStatus status, @Nullable UUID ownerId, @Nullable LocalDate reviewBy) {

	static final int MAX_TITLE = 500;
	static final int MAX_BODY = 200_000;
	static final int MAX_TAG = 64;
	static final int MAX_TAGS = 30;
	static final int MAX_PHRASING = 1000;
	static final int MAX_PHRASINGS = 500;

	/** A checked copy with defaults filled in: FAQ, draft, no tags, no phrasings. */
	public ArticleDraft normalized() {
		// Imports arrive as one file or body, not field by field, so their text is checked here too.
		String flawed = WellFormedBodies.flawedField(this);
		if (flawed != null) {
			throw new Text.InvalidText(flawed);
		}
		String t = title == null ? "" : title.strip();
		if (t.isEmpty() || t.length() > MAX_TITLE) {
			throw new RequestRejected("invalid-title", "title must be 1-" + MAX_TITLE + " characters");
		}
		String b = body == null ? "" : body.strip();
		ArticleKind k = kind == null ? ArticleKind.FAQ : kind;
		if (b.length() > MAX_BODY) {
			throw new RequestRejected("invalid-body", "body must be at most " + MAX_BODY + " characters");
		}
		if (b.isEmpty()) {
			throw new RequestRejected("invalid-body", k == ArticleKind.FAQ ? "an FAQ entry needs an answer"
					: "an article needs a body");
		}
		return new ArticleDraft(k, t, b, categoryId, cleanTags(), cleanPhrasings(t), status == null ? ArticleStatus.DRAFT : status,
				ownerId, reviewBy);
	}

	private List<String> cleanTags() {
		Map<String, String> unique = new LinkedHashMap<>();
		for (String tag : tags == null ? List.<String>of() : tags) {
			String clean = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
			if (clean.isEmpty() || clean.length() > MAX_TAG) {
				throw new RequestRejected("invalid-tag", "a tag must be 1-" + MAX_TAG + " characters");
			}
			unique.putIfAbsent(clean, clean);
		}
		if (unique.size() > MAX_TAGS) {
			throw new RequestRejected("invalid-tag", "at most " + MAX_TAGS + " tags");
		}
		return List.copyOf(unique.values());
	}

	private List<String> cleanPhrasings(String cleanTitle) {
		Map<String, String> unique = new LinkedHashMap<>();
		unique.put(key(cleanTitle), cleanTitle);
		for (String phrasing : phrasings == null ? List.<String>of() : phrasings) {
			String clean = phrasing == null ? "" : phrasing.strip();
			if (clean.length() > MAX_PHRASING) {
				throw new RequestRejected("invalid-phrasing", "a phrasing must be at most " + MAX_PHRASING + " characters");
			}
			if (!clean.isEmpty()) {
				unique.putIfAbsent(key(clean), clean);
			}
		}
		if (unique.size() - 1 > MAX_PHRASINGS) {
			throw new RequestRejected("invalid-phrasing", "at most " + MAX_PHRASINGS + " phrasings");
		}
		return List.copyOf(unique.values()).subList(1, unique.size());
	}

	private static String key(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
	}
}
