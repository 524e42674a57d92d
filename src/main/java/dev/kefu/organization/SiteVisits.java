package dev.kefu.organization;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Told of every page view the widget loader reports with its settings request, so another module (supervision) can
 * show who is on the site without a request of its own. Without such a bean page views are not kept. An
 * implementation must be cheap and bounded: it runs on every page view of every site.
 */
public interface SiteVisits {

	void viewed(UUID organizationId, PageView view);

	/**
	 * One page view, already checked: {@code visitId} is the loader's random id of the visit, the strings are cut
	 * short and free of control characters.
	 */
	record PageView(String visitId, String url, @Nullable String title, @Nullable String referrer,
			@Nullable String language, @Nullable String userAgent) {
	}
}
