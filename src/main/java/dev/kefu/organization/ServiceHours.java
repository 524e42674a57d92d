package dev.kefu.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When a group serves: its week, with the holidays set over it, read in the organization's time zone. A week with no
 * hours is open around the clock, except on its holidays. Pure, so the rules are tested without a server.
 */
public record ServiceHours(List<OpeningHours> week, List<Holiday> holidays, ZoneId zone) {

	/** How far ahead {@link #nextOpening} looks: a year of holidays, and a week after them. */
	private static final int HORIZON_DAYS = Holiday.MAX_DAYS + 7;

	/** One opening on a date, in local time; closing at midnight (00:00) means until the end of the day. */
	private record Interval(LocalTime opensAt, LocalTime closesAt) {

		boolean contains(LocalTime time) {
			return !time.isBefore(opensAt) && (closesAt.equals(LocalTime.MIDNIGHT) || time.isBefore(closesAt));
		}
	}

	public boolean isOpen(Instant at) {
		ZonedDateTime local = at.atZone(zone);
		LocalTime time = local.toLocalTime();
		return intervals(local.toLocalDate(), holidaysByDate()).stream().anyMatch(i -> i.contains(time));
	}

	/**
	 * The first moment after {@code at} that the group opens, in its time zone; empty when it never opens in the
	 * horizon (every day a holiday). An opening that falls into a daylight-saving gap moves later by the gap's
	 * length, as {@link ZonedDateTime#of} does (02:30 on the night the clocks go from 02:00 to 03:00 is 03:30).
	 */
	public Optional<ZonedDateTime> nextOpening(Instant at) {
		LocalDate today = at.atZone(zone).toLocalDate();
		Map<LocalDate, Holiday> holidaysByDate = holidaysByDate();
		for (int d = 0; d <= HORIZON_DAYS; d++) {
			LocalDate date = today.plusDays(d);
			for (Interval interval : intervals(date, holidaysByDate)) {
				ZonedDateTime opens = ZonedDateTime.of(date, interval.opensAt(), zone);
				if (opens.toInstant().isAfter(at)) {
					return Optional.of(opens);
				}
			}
		}
		return Optional.empty();
	}

	/** The day's openings, earliest first: the holiday's if the date is one, else the week's. */
	private List<Interval> intervals(LocalDate date, Map<LocalDate, Holiday> holidaysByDate) {
		Holiday holiday = holidaysByDate.get(date);
		if (holiday != null) {
			return holiday.closedAllDay() ? List.of()
					: List.of(new Interval(Objects.requireNonNull(holiday.opensAt()),
							Objects.requireNonNull(holiday.closesAt())));
		}
		if (week.isEmpty()) {
			return List.of(new Interval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
		}
		int day = date.getDayOfWeek().getValue();
		return week.stream()
			.filter(h -> h.dayOfWeek() == day)
			.sorted(Comparator.comparing(OpeningHours::opensAt))
			.map(h -> new Interval(h.opensAt(), h.closesAt()))
			.toList();
	}

	private Map<LocalDate, Holiday> holidaysByDate() {
		return holidays.stream()
			.collect(Collectors.toMap(h -> Objects.requireNonNull(h.date()), Function.identity(), (a, b) -> a));
	}
}
