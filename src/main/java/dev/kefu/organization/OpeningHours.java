package dev.kefu.organization;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

import dev.kefu.shared.RequestRejected;

/** One opening interval of a group on a day of the week (1 = Monday .. 7 = Sunday), in organization time. */
public record OpeningHours(int dayOfWeek, LocalTime opensAt, LocalTime closesAt) {

	/**
	 * A week is valid when each interval is on day 1-7, opens before it closes and no two overlap on a day. Times are
	 * checked for null because a JSON body may leave them out.
	 */
	static void checkWeek(List<OpeningHours> week) {
		for (OpeningHours h : week) {
			if (h.dayOfWeek() < 1 || h.dayOfWeek() > 7 || h.opensAt() == null || h.closesAt() == null
					|| !h.opensAt().isBefore(h.closesAt())) {
				throw new RequestRejected("invalid-hours", "each day is 1 (Monday) to 7 and opens before it closes");
			}
		}
		List<OpeningHours> sorted = week.stream()
			.sorted(Comparator.comparingInt(OpeningHours::dayOfWeek).thenComparing(OpeningHours::opensAt))
			.toList();
		for (int i = 1; i < sorted.size(); i++) {
			OpeningHours before = sorted.get(i - 1);
			OpeningHours after = sorted.get(i);
			if (before.dayOfWeek() == after.dayOfWeek() && after.opensAt().isBefore(before.closesAt())) {
				throw new RequestRejected("overlapping-hours", "on day " + after.dayOfWeek() + " "
						+ before.opensAt() + "-" + before.closesAt() + " overlaps " + after.opensAt() + "-"
						+ after.closesAt());
			}
		}
	}
}
