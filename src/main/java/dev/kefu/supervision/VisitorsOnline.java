package dev.kefu.supervision;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.kefu.organization.SiteVisits.PageView;

/**
 * The visits on each organization's site just now, at a bounded cost: at most {@link #CAP} per organization (the
 * longest idle make room), and a visit with no page view for {@link #EXPIRY} is gone. On one node it lives in memory;
 * in a cluster in Redis, so every node's supervisors see the same list.
 */
interface VisitorsOnline {

	int CAP = 2_000;

	Duration EXPIRY = Duration.ofMinutes(5);

	void viewed(UUID organizationId, PageView view, String device, String browser);

	/** Most recently active first. */
	List<Visitor> online(UUID organizationId);
}
