package dev.kefu.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;

/**
 * What an admin searches the log for: a time range ({@code from} inclusive, {@code to} exclusive; an instant such as
 * {@code 2026-12-03T00:00:00Z}, or a date, which means that UTC day, {@code to} including it), an actor (an id, or part
 * of a name), an action prefix ({@code staff.}) and free text over target, detail and actor name.
 */
record AuditFilter(@Nullable Instant from, @Nullable Instant to, @Nullable UUID actorId, @Nullable String actorName,
		@Nullable String actionPrefix, @Nullable String text) {

	private static final Pattern ACTION = Pattern.compile("[a-z0-9.\\-]{1,100}");

	static AuditFilter of(@Nullable String from, @Nullable String to, @Nullable String actor, @Nullable String action,
			@Nullable String q) {
		Instant start = blank(from) ? null : instant("from", from, false);
		Instant end = blank(to) ? null : instant("to", to, true);
		if (start != null && end != null && start.isAfter(end)) {
			throw new RequestRejected("invalid-range", "from must not be after to");
		}
		UUID actorId = null;
		String actorName = null;
		if (!blank(actor)) {
			String a = actor.strip();
			if (a.length() > 200) {
				throw new RequestRejected("invalid-actor", "actor must be an id or at most 200 characters of a name");
			}
			try {
				actorId = UUID.fromString(a);
			}
			catch (IllegalArgumentException notAnId) {
				actorName = a;
			}
		}
		String prefix = null;
		if (!blank(action)) {
			prefix = action.strip().toLowerCase(Locale.ROOT);
			if (!ACTION.matcher(prefix).matches()) {
				throw new RequestRejected("invalid-action",
						"action is a prefix of an action name: letters, digits, '.' and '-', e.g. staff.");
			}
		}
		String text = null;
		if (!blank(q)) {
			text = q.strip();
			if (text.length() > 200) {
				throw new RequestRejected("invalid-query", "q must be at most 200 characters");
			}
		}
		return new AuditFilter(start, end, actorId, actorName, prefix, text);
	}

	private static Instant instant(String field, String value, boolean end) {
		String v = value.strip();
		try {
			if (v.length() == 10) {
				LocalDate day = LocalDate.parse(v);
				return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(v);
		}
		catch (DateTimeParseException e) {
			throw new RequestRejected("invalid-" + field,
					field + " must be a date (2026-12-03) or an instant (2026-12-03T08:00:00Z)");
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}
}
