package dev.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.kefu.routing.AssignmentPlan.Candidate;

class AssignmentPlanTest {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

	private final List<UUID> chats = IntStream.range(0, 6).mapToObj(i -> new UUID(0, i)).toList();

	@Test
	void agentWithMostFreeSlotsGetsTheOldestChat() {
		Candidate busy = candidate(1, 1, null);
		Candidate free = candidate(2, 3, T0);

		Map<UUID, Candidate> plan = AssignmentPlan.of(chats.subList(0, 1), List.of(busy, free));

		assertThat(plan).containsExactly(Map.entry(chats.get(0), free));
	}

	@Test
	void tiesGoToWhoeverWaitedLongestSinceTheirLastChat() {
		Candidate recent = candidate(1, 2, T0.plusSeconds(60));
		Candidate never = candidate(2, 2, null);
		Candidate earlier = candidate(3, 2, T0);

		Map<UUID, Candidate> plan = AssignmentPlan.of(chats.subList(0, 3), List.of(recent, never, earlier));

		assertThat(plan.values()).containsExactly(never, earlier, recent);
	}

	@Test
	void chatsAreSpreadAsFreeSlotsEvenOut() {
		Candidate a = candidate(1, 3, null);
		Candidate b = candidate(2, 1, null);

		Map<UUID, Candidate> plan = AssignmentPlan.of(chats.subList(0, 4), List.of(a, b));

		// a (3 free) leads until both have 1 free; then b, who has had none in this round, goes first.
		assertThat(plan.values()).containsExactly(a, a, b, a);
	}

	@Test
	void chatsBeyondTheFreeSlotsStayWaiting() {
		Candidate a = candidate(1, 2, null);
		Candidate full = candidate(2, 0, null);

		Map<UUID, Candidate> plan = AssignmentPlan.of(chats, List.of(a, full));

		assertThat(plan).hasSize(2).containsOnlyKeys(chats.get(0), chats.get(1));
		assertThat(plan.values()).containsOnly(a);
	}

	private static Candidate candidate(int id, int free, Instant lastAssignedAt) {
		return new Candidate(new UUID(1, id), "agent " + id, free, lastAssignedAt);
	}
}
