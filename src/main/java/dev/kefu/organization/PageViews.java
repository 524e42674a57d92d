package dev.kefu.organization;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.kefu.organization.SiteVisits.PageView;

/**
 * The loader's page-view parameters, checked: without a well-formed visit id and an http(s) address there is no page
 * view; other strings are cut short and cleaned, a language that is not a language tag is dropped.
 */
final class PageViews {

	static final int MAX_URL = 512;
	static final int MAX_TITLE = 200;
	static final int MAX_USER_AGENT = 512;

	private static final Pattern VISIT_ID = Pattern.compile("[A-Za-z0-9_-]{8,40}");
	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");

	private PageViews() {
	}

	static Optional<PageView> of(@Nullable String visitId, @Nullable String url, @Nullable String title,
			@Nullable String referrer, @Nullable String language, @Nullable String userAgent) {
		if (visitId == null || !VISIT_ID.matcher(visitId).matches() || !web(url)) {
			return Optional.empty();
		}
		return Optional.of(new PageView(visitId, cut(url, MAX_URL), clean(title, MAX_TITLE),
				web(referrer) ? cut(referrer, MAX_URL) : null,
				language != null && LANGUAGE.matcher(language).matches() ? language : null,
				clean(userAgent, MAX_USER_AGENT)));
	}

	private static boolean web(@Nullable String url) {
		return url != null && (url.startsWith("https://") || url.startsWith("http://"));
	}

	private static @Nullable String clean(@Nullable String text, int max) {
		if (text == null) {
			return null;
		}
		String cleaned = text.replaceAll("\\p{Cntrl}", " ").strip();
		return cleaned.isEmpty() ? null : cut(cleaned, max);
	}

	private static String cut(String text, int max) {
		String cleaned = text.replaceAll("\\p{Cntrl}", "");
		if (cleaned.length() <= max) {
			return cleaned;
		}
		// Never half a surrogate pair.
		int end = Character.isHighSurrogate(cleaned.charAt(max - 1)) ? max - 1 : max;
		return cleaned.substring(0, end);
	}
}
