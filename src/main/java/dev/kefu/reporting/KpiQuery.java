package dev.kefu.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;

/**
 * What a report asks for: a range of days in the organization's time zone (both ends included), how to bucket them,
 * what to split by, and optional filters. {@code groups} and {@code agentId} also carry the caller's scope.
 * {@code tagId} and {@code dispositionId} keep the conversations carrying that tag or closed with that code.
 */
record KpiQuery(LocalDate from, LocalDate to, Period period, Dimension by, @Nullable UUID centerId,
		@Nullable Set<UUID> groups, @Nullable UUID agentId, @Nullable String channel, @Nullable UUID tagId,
		@Nullable UUID dispositionId) {

	KpiQuery(LocalDate from, LocalDate to, Period period, Dimension by, @Nullable UUID centerId,
			@Nullable Set<UUID> groups, @Nullable UUID agentId, @Nullable String channel) {
		this(from, to, period, by, centerId, groups, agentId, channel, null, null);
	}

	static final int MAX_DAYS = 366;

	/** The same query, split another way. */
	KpiQuery by(Dimension other) {
		return new KpiQuery(from, to, period, other, centerId, groups, agentId, channel, tagId, dispositionId);
	}

	/**
	 * Only conversations carry tags and dispositions: filtered or split by either, the figures of left messages and
	 * QA reviews are left out rather than shown unfiltered.
	 */
	boolean conversationsOnly() {
		return tagId != null || dispositionId != null || by == Dimension.TAG || by == Dimension.DISPOSITION;
	}

	KpiQuery {
		if (to.isBefore(from)) {
			throw new RequestRejected("invalid-range", "to must not be before from");
		}
		if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
			throw new RequestRejected("invalid-range", "a report covers at most " + MAX_DAYS + " days");
		}
	}

	/** Buckets of days; a week starts on Monday. Buckets are labelled by their first day. */
	enum Period {
		DAY, WEEK, MONTH;

		LocalDate start(LocalDate day) {
			return switch (this) {
				case DAY -> day;
				case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				case MONTH -> day.withDayOfMonth(1);
			};
		}

		static Period of(String name) {
			return parse(Period.class, name, "period", "day, week or month");
		}
	}

	/**
	 * What rows are split by, and the column that says it in each fact table (null: not split that way). A
	 * conversation with two tags counts in both tags' rows.
	 */
	enum Dimension {
		ORGANIZATION("organization_id", "organization_id", "organization_id"),
		CENTER("center_id", "center_id", "center_id"),
		GROUP("group_id", "group_id", "group_id"),
		AGENT("agent_id", "answered_by", "agent_id"),
		CHANNEL("channel", null, "channel"),
		DISPOSITION("disposition_id", null, null),
		TAG("report_conversation_tag.tag_id", null, null);

		final String conversationColumn;
		final @Nullable String ticketColumn;
		final @Nullable String reviewColumn;

		Dimension(String conversationColumn, @Nullable String ticketColumn, @Nullable String reviewColumn) {
			this.conversationColumn = conversationColumn;
			this.ticketColumn = ticketColumn;
			this.reviewColumn = reviewColumn;
		}

		static Dimension of(String name) {
			return parse(Dimension.class, name, "by", "organization, center, group, agent, channel, disposition or tag");
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String name, String parameter, String allowed) {
		try {
			return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new RequestRejected("invalid-" + parameter, parameter + " must be " + allowed);
		}
	}
}
