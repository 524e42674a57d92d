package dev.kefu.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.kefu.organization.SiteVisits.PageView;

/**
 * Visitors online on a single node. Each organization's visits are kept in order of last activity (a page view moves
 * its visit to the end), so the expired and the evicted are always at the front: each view costs little.
 */
final class MemoryVisitorsOnline implements VisitorsOnline {

	private final Map<UUID, LinkedHashMap<String, Visitor>> visits = new ConcurrentHashMap<>();
	private final Clock clock;
	private final int cap;
	private final Duration expiry;

	MemoryVisitorsOnline(Clock clock) {
		this(clock, CAP, EXPIRY);
	}

	MemoryVisitorsOnline(Clock clock, int cap, Duration expiry) {
		this.clock = clock;
		this.cap = cap;
		this.expiry = expiry;
	}

	@Override
	public void viewed(UUID organizationId, PageView view, String device, String browser) {
		Instant now = clock.instant();
		LinkedHashMap<String, Visitor> site = visits.computeIfAbsent(organizationId, id -> new LinkedHashMap<>());
		synchronized (site) {
			dropExpired(site, now);
			Visitor before = site.remove(view.visitId());
			site.put(view.visitId(), Visitor.viewed(before, view, device, browser, now));
			Iterator<Visitor> oldest = site.values().iterator();
			while (site.size() > cap) {
				oldest.next();
				oldest.remove();
			}
		}
	}

	@Override
	public List<Visitor> online(UUID organizationId) {
		LinkedHashMap<String, Visitor> site = visits.get(organizationId);
		if (site == null) {
			return List.of();
		}
		List<Visitor> online;
		synchronized (site) {
			dropExpired(site, clock.instant());
			online = new ArrayList<>(site.values());
		}
		return online.reversed();
	}

	private void dropExpired(LinkedHashMap<String, Visitor> site, Instant now) {
		Instant since = now.minus(expiry);
		Iterator<Visitor> oldest = site.values().iterator();
		while (oldest.hasNext() && !oldest.next().lastSeen().isAfter(since)) {
			oldest.remove();
		}
	}
}
