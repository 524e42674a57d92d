package dev.kefu.supervision;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kefu.organization.SiteVisits.PageView;

/**
 * One visit on the site as supervisors see it: the page it is on now, where it came from, and how long it has been
 * around. Small and bounded (its strings are cut short before they get here), because an organization keeps thousands.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Visitor(String id, String url, @Nullable String title, @Nullable String referrer, String device,
		String browser, @Nullable String language, Instant firstSeen, Instant lastSeen, int pageViews) {

	/** Fields in the stored form; none of the strings holds a control character, so this one separates them. */
	private static final String SEPARATOR = "\u001f";

	/** This visit after one more page view: the visit's first referrer stays. */
	static Visitor viewed(@Nullable Visitor before, PageView view, String device, String browser, Instant now) {
		if (before == null) {
			return new Visitor(view.visitId(), view.url(), view.title(), view.referrer(), device, browser,
					view.language(), now, now, 1);
		}
		return new Visitor(before.id(), view.url(), view.title(),
				before.referrer() != null ? before.referrer() : view.referrer(), device, browser,
				view.language() != null ? view.language() : before.language(), before.firstSeen(), now,
				before.pageViews() + 1);
	}

	String stored() {
		return String.join(SEPARATOR, id, url, orEmpty(title), orEmpty(referrer), device, browser, orEmpty(language),
				Long.toString(firstSeen.toEpochMilli()), Long.toString(lastSeen.toEpochMilli()),
				Integer.toString(pageViews));
	}

	static Visitor fromStored(String stored) {
		List<String> f = List.of(stored.split(SEPARATOR, -1));
		return new Visitor(f.get(0), f.get(1), orNull(f.get(2)), orNull(f.get(3)), f.get(4), f.get(5), orNull(f.get(6)),
				Instant.ofEpochMilli(Long.parseLong(f.get(7))), Instant.ofEpochMilli(Long.parseLong(f.get(8))),
				Integer.parseInt(f.get(9)));
	}

	private static String orEmpty(@Nullable String text) {
		return text == null ? "" : text;
	}

	private static @Nullable String orNull(String text) {
		return text.isEmpty() ? null : text;
	}
}
