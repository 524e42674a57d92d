package dev.kefu.organization;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
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
	private final AuditLog audit;

	AdminWidgetController(Widgets widgets, AuditLog audit) {
		this.widgets = widgets;
		this.audit = audit;
	}

	@GetMapping
	WidgetSettings get(@AuthenticationPrincipal StaffCaller caller) {
		return widgets.settings(caller.organizationId());
	}

	@PutMapping
	@Transactional
	WidgetSettings replace(@AuthenticationPrincipal StaffCaller caller, @RequestBody WidgetSettings settings) {
		WidgetSettings before = widgets.settings(caller.organizationId());
		WidgetSettings after = widgets.save(caller.organizationId(), settings);
		audit.entry(caller, "widget.changed").target("widget").changed(before, after).record();
		return after;
	}
}
