package dev.kefu.organization;

import java.time.Clock;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.ResourceNotFound;

/**
 * What the visitor widget needs before anyone signs in: its look, greeting, pre-chat form and whether the default
 * group is open now. Public, so it shows only what a website visitor may see anyway.
 */
@RestController
class WidgetController {

	private final Organizations organizations;
	private final Widgets widgets;
	private final Groups groups;
	private final Clock clock;

	WidgetController(Organizations organizations, Widgets widgets, Groups groups, Clock clock) {
		this.organizations = organizations;
		this.widgets = widgets;
		this.groups = groups;
		this.clock = clock;
	}

	record PublicWidget(String title, String primaryColor, String greeting, List<PrechatField> prechatFields,
			boolean open) {
	}

	@GetMapping("/api/v1/widget/{organizationSlug}")
	PublicWidget widget(@PathVariable String organizationSlug) {
		Organization organization = organizations.findBySlug(organizationSlug)
			.orElseThrow(() -> new ResourceNotFound("organization", organizationSlug));
		WidgetSettings settings = widgets.settings(organization.id());
		return new PublicWidget(settings.title(), settings.primaryColor(), settings.greeting(),
				settings.prechatFields(), openNow(organization));
	}

	/** An organization without any group cannot take a chat, so it counts as closed. */
	private boolean openNow(Organization organization) {
		if (groups.all(organization.id()).isEmpty()) {
			return false;
		}
		return groups.isOpen(organization.id(), groups.defaultGroup(organization.id()).id(), clock.instant());
	}
}
