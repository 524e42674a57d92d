package dev.kefu.routing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import dev.kefu.organization.Groups;

/**
 * Drains a group's queue into free agent slots. Requests for the same group coalesce into one running drain on this
 * node, and a drain assigns in rounds of several chats (so a burst of 200 new chats is a handful of transactions, not
 * 200), but correctness never depends on that: every single assignment is guarded by the database.
 */
@Component
class Dispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	/** A bound on one drain, so contention that never settles cannot spin; the next queue change drains again. */
	private static final int MAX_ROUNDS = 1_000;

	private final Assigner assigner;
	private final ApplicationEventPublisher events;
	private final Groups groupSettings;
	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
	/** Per group: 0 idle, 1 draining, more = drain again when done. */
	private final Map<UUID, AtomicInteger> groups = new ConcurrentHashMap<>();

	Dispatcher(@Lazy Assigner assigner, ApplicationEventPublisher events, Groups groups) {
		this.assigner = assigner;
		this.events = events;
		this.groupSettings = groups;
	}

	void request(UUID organizationId, UUID groupId) {
		AtomicInteger state = groups.computeIfAbsent(groupId, id -> new AtomicInteger());
		if (state.getAndIncrement() == 0) {
			executor.execute(() -> drainWhileRequested(organizationId, groupId, state));
		}
	}

	private void drainWhileRequested(UUID organizationId, UUID groupId, AtomicInteger state) {
		do {
			state.set(1);
			try {
				drain(organizationId, groupId);
			}
			catch (RuntimeException e) {
				log.warn("Dispatching group {} failed; it is retried on the next queue change", groupId, e);
			}
		}
		while (!state.compareAndSet(1, 0));
	}

	/**
	 * A group whose agents pick their chats by hand is not drained; its desks still hear that the queue changed. Read
	 * afresh, not from the routing view kept for new chats: a drain that started just before the setting changed
	 * would otherwise keep the old one for seconds, and assign chats that were meant to be picked.
	 */
	private void drain(UUID organizationId, UUID groupId) {
		boolean autoAssign = groupSettings.find(organizationId, groupId)
			.map(group -> group.queueAccess().autoAssign())
			.orElse(false);
		for (int rounds = 0; autoAssign && rounds < MAX_ROUNDS; rounds++) {
			if (!assigner.assignRound(organizationId, groupId)) {
				break;
			}
		}
		events.publishEvent(new QueueChanged(organizationId, groupId));
	}

	@Override
	public void destroy() {
		executor.shutdown();
	}
}
