package dev.kefu.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.ResourceNotFound;

/**
 * What the visitor widget needs before anyone signs in: its look, greeting, pre-chat form and whether the default
 * group is open now, and if not, when it opens next. Public, so it shows only what a website visitor may see anyway.
 */
@RestController
class WidgetController {

	private final Organizations organizations;
	private final Widgets widgets;
	private final Groups groups;
	private final Clock clock;
	private final InvitationRules invitations;
	private final List<QueueLengths> queues;

	WidgetController(Organizations organizations, Widgets widgets, Groups groups, Clock clock,
			InvitationRules invitations, List<QueueLengths> queues) {
		this.organizations = organizations;
		this.widgets = widgets;
		this.groups = groups;
		this.clock = clock;
		this.invitations = invitations;
		this.queues = queues;
	}

	/**
	 * {@code nextOpening}, only while closed: when the default group opens next, with the offset of its time zone
	 * {@code timeZone} (the organization's), so the widget can say "We reopen Monday 09:00" and name the zone when
	 * the visitor's differs. Absent when closed with no opening ahead (no group, or holidays all year).
	 */
	record PublicWidget(String title, String primaryColor, String greeting, List<PrechatField> prechatFields,
			boolean open, @Nullable OffsetDateTime nextOpening, @Nullable String timeZone, List<Invitation> invitations) {
	}

	/**
	 * A rule as the loader evaluates it, compact because it travels on every page view: {@code url} is a pattern where
	 * {@code *} is anything, {@code secs} the seconds on the page, {@code pages} the pages viewed in this visit.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Invitation(UUID id, String greeting, @Nullable String url, @Nullable Integer secs, @Nullable Integer pages,
			@Nullable Boolean returning) {
	}

	@GetMapping("/api/v1/widget/{organizationSlug}")
	PublicWidget widget(@PathVariable String organizationSlug) {
		Organization organization = organizations.findBySlug(organizationSlug)
			.orElseThrow(() -> new ResourceNotFound("organization", organizationSlug));
		WidgetSettings settings = widgets.settings(organization.id());
		List<Invitation> rules = invitations(organization.id());
		// An organization without any group cannot take a chat, so it counts as closed, with no opening ahead.
		if (groups.all(organization.id()).isEmpty()) {
			return new PublicWidget(settings.title(), settings.primaryColor(), settings.greeting(),
					settings.prechatFields(), false, null, null, rules);
		}
		ServiceHours hours = groups.routable(organization.id(), null).hours();
		Instant now = clock.instant();
		boolean open = hours.isOpen(now);
		OffsetDateTime next = open ? null
				: hours.nextOpening(now).map(ZonedDateTime::toOffsetDateTime).orElse(null);
		return new PublicWidget(settings.title(), settings.primaryColor(), settings.greeting(),
				settings.prechatFields(), open, next, open ? null : hours.zone().getId(), rules);
	}

	/** The enabled rules, less those whose group's queue is longer than the rule allows just now. */
	private List<Invitation> invitations(UUID organizationId) {
		return invitations.all(organizationId).stream()
			.filter(InvitationRule::enabled)
			.filter(rule -> rule.groupId() == null || rule.maxQueue() == null
					|| waiting(organizationId, rule.groupId()) <= rule.maxQueue())
			.map(rule -> new Invitation(rule.id(), rule.greeting(), rule.urlPattern(), rule.secondsOnPage(),
					rule.minPages(), rule.returningOnly() ? Boolean.TRUE : null))
			.toList();
	}

	private int waiting(UUID organizationId, UUID groupId) {
		return queues.stream().mapToInt(q -> q.waiting(organizationId, groupId)).max().orElse(0);
	}
}
