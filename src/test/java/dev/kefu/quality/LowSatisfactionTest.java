package dev.kefu.quality;

import static dev.kefu.quality.TranscriptFixture.chat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LowSatisfactionTest {

	final LowSatisfaction rule = new LowSatisfaction();

	@Test
	void flagsARatingOfTwoOrLess() {
		assertThat(rule.inspect(chat().agent(10, "Hi").rated(2).transcript())).singleElement().satisfies(o -> {
			assertThat(o.rule()).isEqualTo("low-satisfaction");
			assertThat(o.line()).as("about the whole conversation").isNull();
			assertThat(o.agentId()).isEqualTo(TranscriptFixture.AGENT);
		});
		assertThat(rule.inspect(chat().rated(1).transcript())).hasSize(1);
	}

	@Test
	void acceptsARatingOfThreeOrMore() {
		assertThat(rule.inspect(chat().rated(3).transcript())).isEmpty();
	}

	@Test
	void saysNothingWithoutARating() {
		assertThat(rule.inspect(chat().transcript())).isEmpty();
	}
}
