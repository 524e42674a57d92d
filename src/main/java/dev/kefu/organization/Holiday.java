package dev.kefu.organization;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;

/**
 * A date on which a group keeps other hours than its week's, in the organization's time zone: closed all day (no
 * times), or open only from {@code opensAt} to {@code closesAt} (a short day before a festival, a Saturday worked in
 * lieu, 调休). {@code name} is what the admin calls it ("国庆节").
 */
public record Holiday(@Nullable LocalDate date, @Nullable String name, @Nullable LocalTime opensAt,
		@Nullable LocalTime closesAt) {

	static final int MAX_NAME = 100;
	/** Enough for every day of more than a year ahead; a list longer than that is a mistake, not a calendar. */
	static final int MAX_DAYS = 400;

	public boolean closedAllDay() {
		return opensAt == null;
	}

	/**
	 * Each date once, a name of at most {@link #MAX_NAME} characters, and either no times or both, opening before
	 * closing. Fields are checked for null because a JSON body may leave them out.
	 */
	static List<Holiday> checked(List<Holiday> days) {
		if (days.size() > MAX_DAYS) {
			throw new RequestRejected("invalid-holidays", "at most " + MAX_DAYS + " dates");
		}
		Set<LocalDate> seen = new HashSet<>();
		return days.stream().map(h -> {
			if (h == null || h.date() == null) {
				throw new RequestRejected("invalid-holidays", "each holiday needs a date");
			}
			if (!seen.add(h.date())) {
				throw new RequestRejected("duplicate-holiday", h.date() + " is listed twice");
			}
			String name = h.name() == null ? "" : h.name().strip();
			if (name.length() > MAX_NAME) {
				throw new RequestRejected("invalid-holidays", "a holiday's name must be at most " + MAX_NAME
						+ " characters");
			}
			if ((h.opensAt() == null) != (h.closesAt() == null)
					|| h.opensAt() != null && !h.opensAt().isBefore(h.closesAt())) {
				throw new RequestRejected("invalid-holidays", "on " + h.date()
						+ " give no times (closed all day) or an opening time before the closing time");
			}
			return new Holiday(h.date(), name, h.opensAt(), h.closesAt());
		}).sorted(Comparator.comparing(Holiday::date)).toList();
	}
}
