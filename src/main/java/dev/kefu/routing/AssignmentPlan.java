package dev.kefu.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which free agent takes each waiting chat, in queue order: the agent with the most free slots, ties to whoever has
 * waited longest since their last chat. Planned in memory, so a round of assignments reads the agents once; the
 * database still has the last word when the slots are taken.
 */
final class AssignmentPlan {

	record Candidate(UUID staffId, String displayName, int free, @Nullable Instant lastAssignedAt) {
	}

	/** A candidate during planning; {@code turn} 0 until given a chat in this plan, then the order it was given one. */
	private record Ranked(Candidate agent, int free, long turn) {
	}

	private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingInt((Ranked r) -> -r.free())
		.thenComparingLong(Ranked::turn)
		.thenComparing(r -> r.agent().lastAssignedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(r -> r.agent().staffId());

	private AssignmentPlan() {
	}

	/** Conversation id → agent, in the order of {@code waiting}; chats beyond the free slots are left out. */
	static Map<UUID, Candidate> of(List<UUID> waiting, List<Candidate> candidates) {
		PriorityQueue<Ranked> agents = new PriorityQueue<>(BEST_FIRST);
		candidates.stream().filter(c -> c.free() > 0).forEach(c -> agents.add(new Ranked(c, c.free(), 0)));
		Map<UUID, Candidate> plan = new LinkedHashMap<>();
		long turn = 0;
		for (UUID conversationId : waiting) {
			Ranked best = agents.poll();
			if (best == null) {
				break;
			}
			plan.put(conversationId, best.agent());
			if (best.free() > 1) {
				agents.add(new Ranked(best.agent(), best.free() - 1, ++turn));
			}
		}
		return plan;
	}
}
