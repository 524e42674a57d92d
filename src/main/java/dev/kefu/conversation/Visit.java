package dev.kefu.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the widget saw of the customer's visit while they chat: the page they are on, where the visit came from, the
 * device, browser and language, and the pages of this visit, oldest first (the last is the current one).
 */
public record Visit(UUID conversationId, String url, String title, @Nullable String referrer, String device,
		String browser, @Nullable String language, List<PageView> pages, Instant updatedAt) {

	/** One page the customer viewed, at the time the widget's loader saw it. */
	public record PageView(String url, String title, Instant at) {
	}
}
