package dev.kefu.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.ResourceNotFound;

/**
 * What the visitor widget needs before anyone signs in: its look, greeting, pre-chat form and whether the default
 * group is open now, and if not, when it opens next. Public, so it shows only what a website visitor may see anyway.
 */
@RestController
class WidgetController {

	private static final Logger log = LoggerFactory.getLogger(WidgetController.class);

	private final Organizations organizations;
	private final Widgets widgets;
	private final Groups groups;
	private final Clock clock;
	private final InvitationRules invitations;
	private final List<QueueLengths> queues;
	private final List<SiteVisits> visits;
	private final AllowedSites sites;
	private final Tenants tenants;

	WidgetController(Organizations organizations, Widgets widgets, Groups groups, Clock clock,
			InvitationRules invitations, List<QueueLengths> queues, List<SiteVisits> visits, AllowedSites sites,
			Tenants tenants) {
		this.tenants = tenants;
		this.organizations = organizations;
		this.widgets = widgets;
		this.groups = groups;
		this.clock = clock;
		this.invitations = invitations;
		this.queues = queues;
		this.visits = visits;
		this.sites = sites;
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

	/**
	 * The loader reports the page view here, so a visitor with the chat closed costs one request a page: {@code v} the
	 * visit's random id, {@code u} and {@code t} the page's address and title, {@code r} the visit's referrer,
	 * {@code l} the browser's language. All optional; a bad one is ignored, never an error for the visitor, except a
	 * NUL or text that is not UTF-8, which every endpoint refuses (dev.kefu.shared.WellFormedParameters).
	 * <p>
	 * The loader reads it from the company's page, so any site may read it (CORS, no credentials); a site that is not
	 * on the organization's allowed sites gets {@code 403 site-not-allowed} instead, and its page view is not kept.
	 */
	@CrossOrigin(origins = "*", allowCredentials = "false")
	@GetMapping("/api/v1/widget/{organizationSlug}")
	PublicWidget widget(@PathVariable String organizationSlug,
			@RequestParam(name = "v", required = false) @Nullable String visitId,
			@RequestParam(name = "u", required = false) @Nullable String url,
			@RequestParam(name = "t", required = false) @Nullable String title,
			@RequestParam(name = "r", required = false) @Nullable String referrer,
			@RequestParam(name = "l", required = false) @Nullable String language,
			@RequestHeader(name = "User-Agent", required = false) @Nullable String userAgent, HttpServletRequest request) {
		Organization organization = organizations.findBySlug(organizationSlug)
			.orElseThrow(() -> new ResourceNotFound("organization", organizationSlug));
		sites.admit(organization.id(), request, null);
		tenants.requireServing(organization.id());
		PageViews.of(visitId, url, title, referrer, language, userAgent)
			.ifPresent(view -> report(organization.id(), view));
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

	/** A page view that cannot be kept is lost, never the visitor's widget. */
	private void report(UUID organizationId, SiteVisits.PageView view) {
		for (SiteVisits each : visits) {
			try {
				each.viewed(organizationId, view);
			}
			catch (RuntimeException e) {
				log.warn("Page view not kept: {}", e.toString());
			}
		}
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
