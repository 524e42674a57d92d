package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.kefu.shared.RequestRejected;

class ServiceHoursTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** Monday to Friday, 09:00 to 18:00. */
	static List<OpeningHours> officeWeek() {
		return IntStream.rangeClosed(1, 5).mapToObj(d -> new OpeningHours(d, LocalTime.of(9, 0), LocalTime.of(18, 0))).toList();
	}

	static Instant at(String localDateTime, ZoneId zone) {
		return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}

	static Holiday closed(String date) {
		return new Holiday(LocalDate.parse(date), "holiday", null, null);
	}

	@Test
	void reopensOnMondayMorningAfterAFridayEvening() {
		ServiceHours hours = new ServiceHours(officeWeek(), List.of(), SHANGHAI);
		// 2026-03-06 is a Friday.
		assertThat(hours.isOpen(at("2026-03-06T18:30", SHANGHAI))).isFalse();
		assertThat(hours.nextOpening(at("2026-03-06T18:30", SHANGHAI)))
			.contains(ZonedDateTime.of(2026, 3, 9, 9, 0, 0, 0, SHANGHAI));
		assertThat(hours.nextOpening(at("2026-03-08T23:59", SHANGHAI)))
			.contains(ZonedDateTime.of(2026, 3, 9, 9, 0, 0, 0, SHANGHAI));
	}

	@Test
	void reopensLaterTheSameDayBeforeOpeningTime() {
		ServiceHours hours = new ServiceHours(officeWeek(), List.of(), SHANGHAI);
		assertThat(hours.nextOpening(at("2026-03-10T07:15", SHANGHAI)))
			.contains(ZonedDateTime.of(2026, 3, 10, 9, 0, 0, 0, SHANGHAI));
	}

	@Test
	void aSecondIntervalOfTheDayComesBeforeTomorrow() {
		List<OpeningHours> split = List.of(new OpeningHours(2, LocalTime.of(14, 0), LocalTime.of(18, 0)),
				new OpeningHours(2, LocalTime.of(9, 0), LocalTime.of(12, 0)));
		ServiceHours hours = new ServiceHours(split, List.of(), SHANGHAI);
		assertThat(hours.nextOpening(at("2026-03-10T12:30", SHANGHAI)))
			.contains(ZonedDateTime.of(2026, 3, 10, 14, 0, 0, 0, SHANGHAI));
	}

	@Test
	void wrapsFromTheEndOfTheWeekToItsStart() {
		ServiceHours hours = new ServiceHours(List.of(new OpeningHours(1, LocalTime.of(9, 0), LocalTime.of(12, 0))),
				List.of(), SHANGHAI);
		// From Monday afternoon the next Monday, a whole week later.
		assertThat(hours.nextOpening(at("2026-03-09T13:00", SHANGHAI)))
			.contains(ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, SHANGHAI));
	}

	@Test
	void aHolidaySkipsTheDayToTheNextWorkingDay() {
		ServiceHours hours = new ServiceHours(officeWeek(), List.of(closed("2026-03-09")), SHANGHAI);
		assertThat(hours.isOpen(at("2026-03-09T10:00", SHANGHAI))).isFalse();
		assertThat(hours.nextOpening(at("2026-03-06T18:30", SHANGHAI)))
			.contains(ZonedDateTime.of(2026, 3, 10, 9, 0, 0, 0, SHANGHAI));
	}

	@Test
	void aRunOfHolidaysIsSkippedWhole() {
		// 国庆: 1 to 7 October 2026, Thursday to the next Wednesday.
		List<Holiday> golden = IntStream.rangeClosed(1, 7).mapToObj(d -> closed("2026-10-0" + d)).toList();
		ServiceHours hours = new ServiceHours(officeWeek(), golden, SHANGHAI);
		assertThat(hours.nextOpening(at("2026-09-30T18:00", SHANGHAI)))
			.contains(ZonedDateTime.of(2026, 10, 8, 9, 0, 0, 0, SHANGHAI));
	}

	@Test
	void specialHoursOpenADayTheWeekKeepsClosedAndShortenAnother() {
		// A Saturday worked in lieu (调休), and a short Friday before a festival.
		List<Holiday> days = List.of(new Holiday(LocalDate.parse("2026-03-14"), "调休", LocalTime.of(10, 0),
				LocalTime.of(14, 0)), new Holiday(LocalDate.parse("2026-03-13"), "", LocalTime.of(9, 0), LocalTime.of(12, 0)));
		ServiceHours hours = new ServiceHours(officeWeek(), days, SHANGHAI);
		assertThat(hours.isOpen(at("2026-03-13T13:00", SHANGHAI))).isFalse();
		assertThat(hours.nextOpening(at("2026-03-13T13:00", SHANGHAI)))
			.contains(ZonedDateTime.of(2026, 3, 14, 10, 0, 0, 0, SHANGHAI));
		assertThat(hours.isOpen(at("2026-03-14T11:00", SHANGHAI))).isTrue();
	}

	@Test
	void keepsTheWallClockTimeAcrossADaylightSavingChange() {
		ServiceHours hours = new ServiceHours(officeWeek(), List.of(), NEW_YORK);
		// Clocks went forward on Sunday 8 March 2026: Friday closes at UTC-5, Monday opens at UTC-4.
		ZonedDateTime monday = hours.nextOpening(at("2026-03-06T18:00", NEW_YORK)).orElseThrow();
		assertThat(monday.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-09T09:00"));
		assertThat(monday.toInstant()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
	}

	@Test
	void anOpeningInTheDaylightSavingGapMovesLaterByTheGap() {
		// Berlin skips 02:00 to 03:00 on Sunday 29 March 2026.
		ServiceHours hours = new ServiceHours(List.of(new OpeningHours(7, LocalTime.of(2, 30), LocalTime.of(5, 0))),
				List.of(), BERLIN);
		assertThat(hours.nextOpening(at("2026-03-28T20:00", BERLIN)).orElseThrow().toInstant())
			.isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
	}

	@Test
	void anAlwaysOpenWeekIsClosedOnlyOnItsHolidaysAndReopensAtMidnight() {
		ServiceHours hours = new ServiceHours(List.of(), List.of(closed("2026-03-09")), SHANGHAI);
		assertThat(hours.isOpen(at("2026-03-08T23:59", SHANGHAI))).isTrue();
		assertThat(hours.isOpen(at("2026-03-09T12:00", SHANGHAI))).isFalse();
		assertThat(hours.nextOpening(at("2026-03-09T12:00", SHANGHAI)))
			.contains(ZonedDateTime.of(2026, 3, 10, 0, 0, 0, 0, SHANGHAI));
	}

	@Test
	void noOpeningWhenEveryOpenDayAheadIsAHoliday() {
		List<Holiday> everyMonday = new ArrayList<>();
		for (LocalDate d = LocalDate.parse("2026-03-09"); d.isBefore(LocalDate.parse("2027-06-01")); d = d.plusWeeks(1)) {
			everyMonday.add(new Holiday(d, "", null, null));
		}
		ServiceHours hours = new ServiceHours(List.of(new OpeningHours(1, LocalTime.of(9, 0), LocalTime.of(18, 0))),
				everyMonday, SHANGHAI);
		assertThat(hours.nextOpening(at("2026-03-06T12:00", SHANGHAI))).isEmpty();
	}

	@Test
	void refusesADateTwiceAndHalfGivenOrBackwardTimes() {
		assertThatThrownBy(() -> Holiday.checked(List.of(closed("2026-10-01"), closed("2026-10-01"))))
			.isInstanceOf(RequestRejected.class)
			.hasMessageContaining("twice");
		assertThatThrownBy(() -> Holiday.checked(List.of(new Holiday(LocalDate.parse("2026-10-01"), "", LocalTime.NOON,
				null)))).isInstanceOf(RequestRejected.class);
		assertThatThrownBy(() -> Holiday.checked(List.of(new Holiday(LocalDate.parse("2026-10-01"), "", LocalTime.NOON,
				LocalTime.of(9, 0))))).isInstanceOf(RequestRejected.class);
		assertThat(Holiday.checked(List.of(closed("2026-10-02"), closed("2026-10-01"))))
			.extracting(Holiday::date)
			.containsExactly(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"));
	}
}
