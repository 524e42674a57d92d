package dev.kefu.routing;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which agents have a live connection on this node. An agent whose last connection closes stays online for a grace
 * period (a reload, a network blip); only then is the effective status set to OFFLINE. Late heartbeats never count
 * as offline: browsers throttle timers in background tabs, so liveness is the connection itself, and agents
 * connected here are marked alive in the database for the other nodes' benefit.
 */
@Component
public class Presence implements DisposableBean {

	private record Connections(UUID organizationId, int count) {
	}

	private final Agents agents;
	private final RoutingProperties properties;
	private final Map<UUID, Connections> connected = new ConcurrentHashMap<>();
	private final Map<UUID, ScheduledFuture<?>> pendingOffline = new ConcurrentHashMap<>();
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("presence-grace").daemon().factory());

	Presence(Agents agents, RoutingProperties properties) {
		this.agents = agents;
		this.properties = properties;
	}

	public void connected(UUID organizationId, UUID staffId) {
		connected.merge(staffId, new Connections(organizationId, 1),
				(a, b) -> new Connections(organizationId, a.count() + 1));
		ScheduledFuture<?> pending = pendingOffline.remove(staffId);
		if (pending != null) {
			pending.cancel(false);
		}
		agents.presenceRegained(organizationId, staffId);
	}

	public void disconnected(UUID organizationId, UUID staffId) {
		Connections left = connected.computeIfPresent(staffId,
				(id, c) -> c.count() <= 1 ? null : new Connections(organizationId, c.count() - 1));
		if (left == null) {
			pendingOffline.put(staffId, timer.schedule(() -> graceOver(organizationId, staffId),
					properties.presenceGrace().toMillis(), TimeUnit.MILLISECONDS));
		}
	}

	public boolean isConnected(UUID staffId) {
		return connected.containsKey(staffId);
	}

	Set<UUID> connectedHere() {
		return connected.keySet();
	}

	private void graceOver(UUID organizationId, UUID staffId) {
		pendingOffline.remove(staffId);
		if (!connected.containsKey(staffId)) {
			agents.presenceLost(organizationId, staffId);
		}
	}

	/** Tells other nodes these agents are alive; a third of the timeout leaves room for a slow database. */
	@Scheduled(fixedDelayString = "${kefu.routing.presence-refresh:30s}")
	void refresh() {
		agents.seen(Set.copyOf(connected.keySet()));
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}
}
