package dev.kefu.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.kefu.shared.Ids;

class SamplingTest {

	@Test
	void selectsTheSameConversationEveryTime() {
		UUID conversation = Ids.newId();
		boolean first = Sampling.inShare(conversation, 50);

		assertThat(IntStream.range(0, 20).mapToObj(i -> Sampling.inShare(conversation, 50))).containsOnly(first);
	}

	@Test
	void selectsAboutTheShareAsked() {
		List<UUID> conversations = IntStream.range(0, 20_000).mapToObj(i -> Ids.newId()).toList();

		long selected = conversations.stream().filter(id -> Sampling.inShare(id, 5)).count();

		assertThat(selected).isBetween(800L, 1200L);
		assertThat(conversations.stream().filter(id -> Sampling.inShare(id, 0))).isEmpty();
		assertThat(conversations.stream().filter(id -> Sampling.inShare(id, 100))).hasSize(conversations.size());
	}

	@Test
	void aLargerShareKeepsWhatASmallerOneSelected() {
		List<UUID> conversations = IntStream.range(0, 1000).mapToObj(i -> Ids.newId()).toList();

		assertThat(conversations.stream().filter(id -> Sampling.inShare(id, 5)))
			.allMatch(id -> Sampling.inShare(id, 20));
	}

	@Test
	void namesEveryReasonAConversationIsReviewedFor() {
		Sampling noRandom = new Sampling(settings(0, true, true));
		UUID conversation = Ids.newId();

		assertThat(noRandom.reasons(conversation, List.of("missing-greeting", "low-satisfaction"), 1))
			.containsExactlyInAnyOrder(ReviewTask.Reason.FINDINGS, ReviewTask.Reason.LOW_RATING);
		assertThat(noRandom.reasons(conversation, List.of("low-satisfaction"), 2))
			.as("a low rating is its own reason, not a finding")
			.containsExactly(ReviewTask.Reason.LOW_RATING);
		assertThat(noRandom.reasons(conversation, List.of(), 5)).isEmpty();
		assertThat(new Sampling(settings(100, true, true)).reasons(conversation, List.of(), null))
			.containsExactly(ReviewTask.Reason.RANDOM);
	}

	@Test
	void leavesOutWhatTheSettingsExclude() {
		Sampling none = new Sampling(settings(0, false, false));

		assertThat(none.reasons(Ids.newId(), List.of("forbidden-phrase", "low-satisfaction"), 1)).isEmpty();
	}

	private static QualitySettings settings(int percent, boolean findings, boolean lowRatings) {
		return new QualitySettings(percent, findings, lowRatings, Duration.ofSeconds(120), Phrases.DEFAULT_GREETINGS,
				Phrases.DEFAULT_CLOSINGS, Phrases.NONE);
	}
}
