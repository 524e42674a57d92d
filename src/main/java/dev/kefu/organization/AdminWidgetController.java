package dev.kefu.organization;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

/** Admins read and replace how their visitor widget looks, greets and where it routes. */
@RestController
@RequestMapping("/api/v1/admin/widget")
class AdminWidgetController {

	private final Widgets widgets;

	AdminWidgetController(Widgets widgets) {
		this.widgets = widgets;
	}

	@GetMapping
	WidgetSettings get(@AuthenticationPrincipal StaffCaller caller) {
		return widgets.settings(caller.organizationId());
	}

	@PutMapping
	WidgetSettings replace(@AuthenticationPrincipal StaffCaller caller, @RequestBody WidgetSettings settings) {
		return widgets.save(caller.organizationId(), settings);
	}
}
