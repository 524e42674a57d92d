package dev.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StateConflict;

/** The rules of a call-back request, without Spring or a database. */
class CallbackUnitTest {

	static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");
	static final UUID AGENT = UUID.randomUUID();

	static Ticket askedToBeCalledBack() {
		return new Ticket(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				TicketState.OPEN, LeftBecause.VISITOR_CHOICE, null, ContactDetails.given("Wang Fang", null, "13800138000"),
				"13800138000", NOW, NOW, NOW, null, null, null, null, null, null, TicketKind.CALLBACK,
				Callback.requested(null, null, NOW));
	}

	static Instant in(int minutes) {
		return NOW.plus(Duration.ofMinutes(minutes));
	}

	@Test
	void acceptsPhoneNumbersAsCustomersWriteThem() {
		assertThat(Callback.phone(" +86 (21) 5555-0100 ")).isEqualTo("+86 (21) 5555-0100");
		assertThat(Callback.phone("12345")).isEqualTo("12345");
	}

	@Test
	void refusesPhonesWithTooFewOrTooManyDigitsOrOtherCharacters() {
		assertThatThrownBy(() -> Callback.phone(" ")).hasFieldOrPropertyWithValue("code", "phone-required");
		assertThatThrownBy(() -> Callback.phone("1234")).hasFieldOrPropertyWithValue("code", "invalid-phone");
		assertThatThrownBy(() -> Callback.phone("123456789012345678901")).hasFieldOrPropertyWithValue("code",
				"invalid-phone");
		assertThatThrownBy(() -> Callback.phone("138-0013-800x")).hasFieldOrPropertyWithValue("code", "invalid-phone");
	}

	@Test
	void aWindowStartsBeforeItEndsAndNotInThePast() {
		assertThat(Callback.requested(in(60), in(180), NOW).from()).isEqualTo(in(60));
		assertThat(Callback.requested(in(-10), in(110), NOW).from()).as("a few minutes of clock skew").isEqualTo(in(-10));
		assertThatThrownBy(() -> Callback.requested(in(60), in(60), NOW)).isInstanceOf(RequestRejected.class)
			.hasFieldOrPropertyWithValue("code", "invalid-callback-window");
		assertThatThrownBy(() -> Callback.requested(in(-60), in(60), NOW)).hasFieldOrPropertyWithValue("code",
				"callback-window-past");
		assertThatThrownBy(() -> Callback.requested(in(60), null, NOW)).hasFieldOrPropertyWithValue("code",
				"invalid-callback-window");
		assertThatThrownBy(() -> Callback.requested(in(60 * 24 * 31), in(60 * 24 * 31 + 60), NOW))
			.hasFieldOrPropertyWithValue("code", "invalid-callback-window");
	}

	@Test
	void noAnswerKeepsTheRequestOpenForAnotherTryWhenAsked() {
		Ticket once = askedToBeCalledBack().callbackAttempted(CallbackOutcome.NO_ANSWER, true, AGENT, "voicemail", in(5));
		assertThat(once.state()).isEqualTo(TicketState.OPEN);
		assertThat(once.waitingSince()).as("keeps its place in the list").isEqualTo(NOW);
		assertThat(once.callback().attempts()).isEqualTo(1);

		Ticket twice = once.callbackAttempted(CallbackOutcome.REACHED, false, AGENT, "done", in(60));
		assertThat(twice.state()).isEqualTo(TicketState.CLOSED);
		assertThat(twice.callback().attempts()).isEqualTo(2);
		assertThat(twice.callback().outcome()).isEqualTo(CallbackOutcome.REACHED);
		assertThat(twice.closeNote()).isEqualTo("done");
	}

	@Test
	void everyOtherOutcomeClosesItEvenWhenAskedToTryAgain() {
		for (CallbackOutcome outcome : new CallbackOutcome[] { CallbackOutcome.REACHED, CallbackOutcome.WRONG_NUMBER,
				CallbackOutcome.CUSTOMER_CANCELLED }) {
			assertThat(askedToBeCalledBack().callbackAttempted(outcome, true, AGENT, null, in(5)).state())
				.as(outcome.name())
				.isEqualTo(TicketState.CLOSED);
		}
		assertThat(askedToBeCalledBack().callbackAttempted(CallbackOutcome.NO_ANSWER, false, AGENT, null, in(5))
			.state()).as("giving up").isEqualTo(TicketState.CLOSED);
	}

	@Test
	void aLeftMessageOrAClosedRequestIsNotCalled() {
		Ticket message = TicketUnitTest.leftWhileNobodyWasOnline();
		assertThatThrownBy(() -> message.callbackAttempted(CallbackOutcome.REACHED, false, AGENT, null, in(5)))
			.isInstanceOf(StateConflict.class)
			.hasFieldOrPropertyWithValue("code", "not-a-callback");
		Ticket closed = askedToBeCalledBack().callbackAttempted(CallbackOutcome.REACHED, false, AGENT, null, in(5));
		assertThatThrownBy(() -> closed.callbackAttempted(CallbackOutcome.REACHED, false, AGENT, null, in(6)))
			.hasFieldOrPropertyWithValue("code", "ticket-closed");
	}
}
