package dev.kefu.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.kefu.organization.Groups;
import dev.kefu.organization.Organization;
import dev.kefu.organization.Organizations;
import dev.kefu.organization.StaffMembers;
import dev.kefu.tagging.Tagging;

/** KPI reports: the sums of the fact tables folded into periods and rows, with a name for each row. */
@Service
class KpiReport {

	private final KpiSums sums;
	private final Organizations organizations;
	private final Groups groups;
	private final StaffMembers staff;
	private final Tagging tagging;

	KpiReport(KpiSums sums, Organizations organizations, Groups groups, StaffMembers staff, Tagging tagging) {
		this.sums = sums;
		this.tagging = tagging;
		this.organizations = organizations;
		this.groups = groups;
		this.staff = staff;
	}

	/** One period of one key: {@code key} is a center, group or agent id, a channel, or the organization's id. */
	record Row(LocalDate period, @Nullable String key, String label, Kpis.Figures figures) {
	}

	record Report(LocalDate from, LocalDate to, String period, String by, ZoneId timeZone, List<Row> rows,
			Kpis.Figures totals) {
	}

	Report run(UUID organizationId, KpiQuery query) {
		Organization organization = organizations.require(organizationId);
		Map<Bucket, Kpis> buckets = new TreeMap<>();
		Kpis total = Kpis.NONE;
		for (KpiSums.Daily daily : sums.read(organizationId, query)) {
			buckets.merge(new Bucket(query.period().start(daily.day()), daily.key()), daily.sums(), Kpis::plus);
			total = total.plus(daily.sums());
		}
		if (query.by() == KpiQuery.Dimension.TAG) {
			// A chat with two tags is in two rows; the totals count it once.
			total = sums.read(organizationId, query.by(KpiQuery.Dimension.ORGANIZATION))
				.stream()
				.map(KpiSums.Daily::sums)
				.reduce(Kpis.NONE, Kpis::plus);
		}
		Map<String, String> labels = labels(organization, query.by());
		List<Row> rows = buckets.entrySet()
			.stream()
			.map(e -> new Row(e.getKey().start(), e.getKey().key(), label(labels, e.getKey().key()), e.getValue().figures()))
			.sorted(Comparator.comparing(Row::period).thenComparing(Row::label))
			.toList();
		return new Report(query.from(), query.to(), name(query.period()), name(query.by()), organization.timeZone(), rows,
				total.figures());
	}

	private record Bucket(LocalDate start, @Nullable String key) implements Comparable<Bucket> {

		@Override
		public int compareTo(Bucket o) {
			int byStart = start.compareTo(o.start);
			return byStart != 0 ? byStart : Objects.toString(key, "").compareTo(Objects.toString(o.key, ""));
		}
	}

	private Map<String, String> labels(Organization organization, KpiQuery.Dimension by) {
		Map<String, String> labels = new HashMap<>();
		switch (by) {
			case ORGANIZATION -> labels.put(organization.id().toString(), organization.name());
			case CENTER -> groups.centers(organization.id())
				.forEach(c -> labels.put(c.id().toString(), c.name()));
			case GROUP -> groups.all(organization.id())
				.forEach(g -> labels.put(g.id().toString(), g.name()));
			case AGENT -> staff.all(organization.id())
				.forEach(m -> labels.put(m.id().toString(), m.displayName()));
			case CHANNEL -> {
			}
			case DISPOSITION -> tagging.dispositions(organization.id())
				.forEach(d -> labels.put(d.id().toString(), d.label()));
			case TAG -> tagging.tags(organization.id()).forEach(t -> labels.put(t.id().toString(), t.name()));
		}
		return labels;
	}

	/**
	 * A row's name: what it is now, its channel, or a dash for no agent (chats nobody answered), a deleted group, no
	 * disposition or no tag.
	 */
	private static String label(Map<String, String> labels, @Nullable String key) {
		return key == null ? "—" : labels.getOrDefault(key, key);
	}

	private static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}
}
