package dev.kefu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationState;
import dev.kefu.conversation.Message;
import dev.kefu.conversation.Participant;
import dev.kefu.conversation.Transition;

/** Every per-conversation figure of docs/metrics.md, measured on hand-made conversations with known timestamps. */
class ConversationFactTest {

	static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
	static final UUID AGENT = UUID.randomUUID();
	static final UUID OTHER_AGENT = UUID.randomUUID();
	static final UUID CONTACT = UUID.randomUUID();

	/** A conversation's story, told in seconds after {@link #T0}. */
	static final class Story {

		final List<Transition> transitions = new ArrayList<>();
		final List<Message> messages = new ArrayList<>();

		Story opened(ConversationState to) {
			return transition("opened", null, to, null, 0);
		}

		Story transition(String kind, @Nullable ConversationState from, ConversationState to, @Nullable UUID agent,
				long second) {
			transitions.add(new Transition(kind, from, to, agent, null, Participant.system(), null, at(second)));
			return this;
		}

		Story customer(long second) {
			return message(Participant.contact(CONTACT), second);
		}

		Story agent(long second) {
			return message(Participant.agent(AGENT, "Li Ming"), second);
		}

		Story bot(long second) {
			return message(Participant.bot("Xiaomi"), second);
		}

		Story system(long second) {
			return message(Participant.system(), second);
		}

		private Story message(Participant sender, long second) {
			long seq = messages.size() + 1;
			messages.add(new Message(UUID.randomUUID(), UUID.randomUUID(), seq, "c-" + seq, sender, "text", List.of(),
					at(second)));
			return this;
		}

		ConversationFact ended(ConversationState state, long closedSecond, @Nullable Long summarySecond,
				@Nullable Integer rating) {
			UUID agent = transitions.stream().map(Transition::agentId).filter(a -> a != null).reduce((a, b) -> b)
				.orElse(null);
			Conversation conversation = new Conversation(UUID.randomUUID(), UUID.randomUUID(), CONTACT, "web",
					UUID.randomUUID(), state, agent, messages.size(), T0, null, null, null, null, null, null,
					at(closedSecond), "AGENT", "resolved", summarySecond == null ? null : "summary",
					summarySecond == null ? null : at(summarySecond), rating, null, null, 0, 0, null);
			return ConversationFact.measure(conversation, transitions, messages);
		}
	}

	static Instant at(long second) {
		return T0.plusSeconds(second);
	}

	@Test
	void measuresAConversationFromTheAssistantThroughAQueueAndATransferToItsSummary() {
		ConversationFact fact = new Story().opened(ConversationState.BOT)
			.customer(5).bot(6)
			.transition("handed-over", ConversationState.BOT, ConversationState.QUEUED, null, 10)
			.customer(20)
			.transition("assigned", ConversationState.QUEUED, ConversationState.ASSIGNED, AGENT, 40).system(40)
			.agent(55)
			.customer(70).customer(80).agent(100).agent(110)
			.transition("transferred", ConversationState.ASSIGNED, ConversationState.ASSIGNED, OTHER_AGENT, 120)
			.customer(130).agent(150)
			.transition("closed", ConversationState.ASSIGNED, ConversationState.CLOSED, OTHER_AGENT, 200)
			.ended(ConversationState.CLOSED, 200, 230L, 5);

		assertThat(fact.agentId()).isEqualTo(OTHER_AGENT);
		assertThat(fact.assistantServed()).isTrue();
		assertThat(fact.handedOver()).isTrue();
		assertThat(fact.assistantResolved()).isFalse();
		assertThat(fact.offered()).isTrue();
		assertThat(fact.answered()).isTrue();
		assertThat(fact.abandoned()).isFalse();
		assertThat(fact.effective()).isTrue();
		assertThat(fact.transfers()).isEqualTo(1);
		// Handed over at 10 s, assigned at 40 s.
		assertThat(fact.waitTime()).isEqualTo(Duration.ofSeconds(30));
		// The customer's messages before the assignment start the agent's clock at the assignment: 40 → 55.
		assertThat(fact.firstResponseTime()).isEqualTo(Duration.ofSeconds(15));
		// Responses: 40 → 55, 70 → 100 (from the first unanswered of two), 130 → 150; the agent's 110 answers nothing.
		assertThat(fact.responses()).isEqualTo(3);
		assertThat(fact.responseTime()).isEqualTo(Duration.ofSeconds(15 + 30 + 20));
		assertThat(fact.handleTime()).isEqualTo(Duration.ofSeconds(160));
		assertThat(fact.afterChatWork()).isEqualTo(Duration.ofSeconds(30));
		// The assistant's and the system's lines are not the conversation between customer and agent.
		assertThat(fact.customerMessages()).isEqualTo(5);
		assertThat(fact.agentMessages()).isEqualTo(4);
		assertThat(fact.rating()).isEqualTo(5);
	}

	@Test
	void aCustomerWhoLeavesTheQueueAbandonsWithNoWaitAnswerOrHandleTime() {
		ConversationFact fact = new Story().opened(ConversationState.QUEUED)
			.customer(1)
			.transition("abandoned", ConversationState.QUEUED, ConversationState.ABANDONED, null, 50)
			.ended(ConversationState.ABANDONED, 50, null, null);

		assertThat(fact.offered()).isTrue();
		assertThat(fact.answered()).isFalse();
		assertThat(fact.abandoned()).isTrue();
		assertThat(fact.effective()).isFalse();
		assertThat(fact.assistantServed()).isFalse();
		assertThat(fact.waitTime()).isNull();
		assertThat(fact.firstResponseTime()).isNull();
		assertThat(fact.handleTime()).isNull();
		assertThat(fact.afterChatWork()).isNull();
		assertThat(fact.responses()).isZero();
		assertThat(fact.customerMessages()).isEqualTo(1);
	}

	@Test
	void aConversationTheAssistantEndsOnItsOwnIsResolvedByTheAssistantAndNeverOffered() {
		ConversationFact fact = new Story().opened(ConversationState.BOT)
			.bot(0).customer(3).bot(4)
			.transition("closed", ConversationState.BOT, ConversationState.CLOSED, null, 30)
			.ended(ConversationState.CLOSED, 30, null, null);

		assertThat(fact.assistantServed()).isTrue();
		assertThat(fact.assistantResolved()).isTrue();
		assertThat(fact.handedOver()).isFalse();
		assertThat(fact.offered()).isFalse();
		assertThat(fact.answered()).isFalse();
		assertThat(fact.customerMessages()).isEqualTo(1);
		assertThat(fact.agentMessages()).isZero();
	}

	@Test
	void anAgentWhoNeverWritesHasNoFirstResponseAndASummaryBeforeTheCloseLeavesNoAfterChatWork() {
		ConversationFact fact = new Story().opened(ConversationState.QUEUED)
			.customer(2)
			.transition("assigned", ConversationState.QUEUED, ConversationState.ASSIGNED, AGENT, 12)
			.transition("closed", ConversationState.ASSIGNED, ConversationState.CLOSED, AGENT, 100)
			.ended(ConversationState.CLOSED, 100, 90L, null);

		assertThat(fact.answered()).isTrue();
		assertThat(fact.waitTime()).isEqualTo(Duration.ofSeconds(12));
		assertThat(fact.firstResponseTime()).isNull();
		assertThat(fact.effective()).isFalse();
		assertThat(fact.handleTime()).isEqualTo(Duration.ofSeconds(88));
		assertThat(fact.afterChatWork()).isEqualTo(Duration.ZERO);
	}

	@Test
	void anAgentWhoGreetsBeforeTheCustomerWritesHasAFirstResponseButNoEffectiveSession() {
		ConversationFact fact = new Story().opened(ConversationState.QUEUED)
			.transition("assigned", ConversationState.QUEUED, ConversationState.ASSIGNED, AGENT, 5)
			.agent(8)
			.transition("closed", ConversationState.ASSIGNED, ConversationState.CLOSED, AGENT, 60)
			.ended(ConversationState.CLOSED, 60, null, null);

		assertThat(fact.firstResponseTime()).isEqualTo(Duration.ofSeconds(3));
		assertThat(fact.responses()).isZero();
		assertThat(fact.effective()).isFalse();
	}

	@Test
	void refusesToMeasureAConversationStillOpen() {
		Story story = new Story().opened(ConversationState.QUEUED);
		Conversation open = new Conversation(UUID.randomUUID(), UUID.randomUUID(), CONTACT, "web", UUID.randomUUID(),
				ConversationState.QUEUED, null, 0, T0, T0, null, null, null, null, null, null, null, null, null, null,
				null, null, null, 0, 0, null);

		assertThatThrownBy(() -> ConversationFact.measure(open, story.transitions, story.messages))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
