package dev.kefu.supervision;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.kefu.conversation.UserAgents;
import dev.kefu.organization.SiteVisits;
import dev.kefu.shared.StaffCaller;

/** Page views reported with the widget's settings, kept as visitors online; and the list, for supervisors. */
@Component
class SiteVisitors implements SiteVisits {

	private final VisitorsOnline online;
	private final SupervisedGroups supervised;

	SiteVisitors(VisitorsOnline online, SupervisedGroups supervised) {
		this.online = online;
		this.supervised = supervised;
	}

	@Override
	public void viewed(UUID organizationId, PageView view) {
		online.viewed(organizationId, view, UserAgents.device(view.userAgent()), UserAgents.browser(view.userAgent()));
	}

	List<Visitor> online(StaffCaller caller) {
		supervised.of(caller);
		return online.online(caller.organizationId());
	}
}
