package dev.kefu.quality;

import static dev.kefu.quality.TranscriptFixture.chat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LongAgentSilenceTest {

	final LongAgentSilence rule = new LongAgentSilence(Duration.ofSeconds(120));

	@Test
	void flagsACustomerMessageThatWaitedLongerThanTheLimitForTheNextAgentMessage() {
		Transcript transcript = chat().agent(5, "您好")
			.contact(10, "我的订单还没到")
			.contact(40, "有人吗？")
			.agent(200, "抱歉久等了")
			.transcript();

		assertThat(rule.inspect(transcript)).singleElement().satisfies(o -> {
			assertThat(o.rule()).isEqualTo("long-agent-silence");
			assertThat(o.line()).as("the message that waited longest, not the reminder").isEqualTo(
					transcript.lines().get(1));
			assertThat(o.detail()).contains("190 s");
		});
	}

	@Test
	void acceptsRepliesWithinTheLimit() {
		assertThat(rule.inspect(chat().agent(5, "Hi").contact(10, "Where is my parcel?").agent(130, "Let me check")
			.transcript())).isEmpty();
	}

	@Test
	void reportsEachLongWaitOnce() {
		Transcript transcript = chat().agent(5, "Hi")
			.contact(10, "question one")
			.agent(200, "answer one")
			.contact(210, "question two")
			.agent(400, "answer two")
			.transcript();

		assertThat(rule.inspect(transcript)).extracting(o -> o.line().seq()).containsExactly(2L, 4L);
	}

	@Test
	void ignoresTheCustomersLastWordsBeforeTheAgentClosed() {
		assertThat(rule.inspect(chat().agent(5, "Hi").contact(10, "thanks, bye").closedAfter(600).transcript()))
			.isEmpty();
	}

	@Test
	void ignoresTheTimeTheCustomerWaitedInTheQueue() {
		Transcript transcript = TranscriptFixture.neverAssigned()
			.contact(-900, "hello?")
			.assignedTo(0, TranscriptFixture.AGENT)
			.agent(10, "Hi, sorry for the wait")
			.transcript();

		assertThat(rule.inspect(transcript)).isEmpty();
	}

	@Test
	void flagsAnAgentWhoLeftTheCustomerWaitingUntilATransfer() {
		Transcript transcript = chat().agent(5, "Hi")
			.contact(10, "can you help?")
			.transferredTo(300, TranscriptFixture.OTHER_AGENT)
			.agent(310, "Hello, I will take over")
			.transcript();

		assertThat(rule.inspect(transcript)).singleElement().satisfies(o -> {
			assertThat(o.agentId()).as("the agent who had the chat while the customer waited")
				.isEqualTo(TranscriptFixture.AGENT);
			assertThat(o.detail()).contains("290 s");
		});
	}
}
