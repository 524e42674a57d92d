package dev.kefu.contact;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.kefu.shared.RateLimited;
import dev.kefu.shared.TokenBucket;

/**
 * How fast one customer may write: {@value #PER_SECOND} messages a second with bursts of {@value #BURST}, counted
 * across every way they write (WebSocket, HTTP, leave-a-message), so no path lets one customer flood an agent or the
 * database. Kept per node; behind a load balancer a customer's requests may be spread over nodes, which multiplies
 * the limit by at most the number of nodes.
 */
@Component
public class VisitorSendBudget {

	static final int PER_SECOND = 5;
	static final int BURST = 10;

	private final Map<UUID, TokenBucket> budgets = new ConcurrentHashMap<>();

	/** Takes one message from the contact's budget, or refuses with {@code rate-limited}; nothing is stored then. */
	public void take(UUID contactId) {
		if (!budgets.computeIfAbsent(contactId, c -> new TokenBucket(PER_SECOND, BURST)).tryTake()) {
			throw new RateLimited("too many messages; slow down", Duration.ofMillis(1000 / PER_SECOND));
		}
	}

	/** Forgets customers who have not written lately, so the map holds only the active ones. */
	@Scheduled(fixedDelay = 60_000)
	void forgetIdle() {
		budgets.values().removeIf(TokenBucket::isFull);
	}
}
