package dev.kefu.organization;

import java.time.LocalTime;

/** One opening interval of a group on a day of the week (1 = Monday .. 7 = Sunday), in organization time. */
public record OpeningHours(int dayOfWeek, LocalTime opensAt, LocalTime closesAt) {
}
