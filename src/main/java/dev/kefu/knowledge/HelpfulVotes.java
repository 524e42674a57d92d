package dev.kefu.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.kefu.shared.RequestRejected;

/**
 * Keeps "did this help?" honest enough: one vote per article per address a day. The votes are anonymous, so the
 * address is all there is; per node, and the oldest addresses are forgotten first past {@value #REMEMBERED}.
 */
@Component
class HelpfulVotes {

	static final Duration ONCE_PER = Duration.ofDays(1);
	static final int REMEMBERED = 100_000;

	private final Clock clock;
	private final Map<String, Instant> voted = new LinkedHashMap<>(1024, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
			return size() > REMEMBERED;
		}
	};

	HelpfulVotes(Clock clock) {
		this.clock = clock;
	}

	/** Refuses a second vote on the same article from the same address within a day. */
	synchronized void allow(String address, UUID articleId) {
		Instant now = clock.instant();
		String key = address + "|" + articleId;
		Instant before = voted.get(key);
		if (before != null && before.plus(ONCE_PER).isAfter(now)) {
			throw new RequestRejected("already-voted", "this article already has your vote today");
		}
		voted.remove(key);
		voted.put(key, now);
	}
}
