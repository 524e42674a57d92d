package dev.kefu.quality;

import static dev.kefu.quality.TranscriptFixture.chat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FirstResponseLateTest {

	final FirstResponseLate rule = new FirstResponseLate(Duration.ofSeconds(60));

	@Test
	void flagsAFirstReplyLaterThanTheGroupsTarget() {
		Transcript transcript = chat().contact(1, "在吗？").agent(95, "您好，请问有什么可以帮您？").transcript();

		List<InspectionRule.Observation> found = rule.inspect(transcript);

		assertThat(found).singleElement().satisfies(o -> {
			assertThat(o.rule()).isEqualTo("first-response-late");
			assertThat(o.line()).isEqualTo(transcript.lines().get(1));
			assertThat(o.agentId()).isEqualTo(TranscriptFixture.AGENT);
			assertThat(o.detail()).contains("95 s").contains("60 s");
		});
	}

	@Test
	void acceptsAFirstReplyWithinTheTarget() {
		assertThat(rule.inspect(chat().contact(1, "hello?").agent(60, "Hi, how can I help?").transcript())).isEmpty();
	}

	@Test
	void flagsAnAgentWhoNeverRepliedBeforeTheClose() {
		assertThat(rule.inspect(chat().contact(1, "hello?").closedAfter(300).transcript()))
			.singleElement()
			.satisfies(o -> {
				assertThat(o.line()).isNull();
				assertThat(o.detail()).contains("no reply");
			});
	}

	@Test
	void countsFromTheAssignmentNotFromTheCustomersFirstMessage() {
		Transcript queuedLong = TranscriptFixture.neverAssigned()
			.contact(-600, "anyone?")
			.assignedTo(0, TranscriptFixture.AGENT)
			.agent(30, "Hello, sorry for the wait")
			.transcript();

		assertThat(rule.inspect(queuedLong)).isEmpty();
	}
}
