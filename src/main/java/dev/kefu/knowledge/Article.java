package dev.kefu.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An article or FAQ entry as it is now. For an FAQ entry {@code title} is the standard question and {@code body}
 * the answer (Markdown, like an article's body); {@code phrasings} are the other ways customers ask it.
 */
public record Article(UUID id, UUID organizationId, ArticleKind kind, String title, String body,
		@Nullable UUID categoryId, List<String> tags, List<String> phrasings, ArticleStatus status,
		@Nullable UUID ownerId, @Nullable LocalDate reviewBy, int version, Instant createdAt, UUID createdBy,
		Instant updatedAt, UUID updatedBy, int helpful, int notHelpful) {

	/** Past its review-by date: flagged to the owner and kept away from the assistant until reviewed. */
	public boolean expiredOn(LocalDate today) {
		return reviewBy != null && reviewBy.isBefore(today);
	}

	/** What the assistant may answer with on {@code today}. */
	public boolean answersOn(LocalDate today) {
		return status == ArticleStatus.PUBLISHED && !expiredOn(today);
	}

	/** Every way the question is asked: the title first, then the phrasings. */
	public List<String> questions() {
		List<String> all = new ArrayList<>(phrasings.size() + 1);
		all.add(title);
		all.addAll(phrasings);
		return all;
	}
}
