package dev.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StateConflict;

/** The ticket's rules, without Spring or a database. */
class TicketUnitTest {

	static final Instant LEFT = Instant.parse("2026-11-25T01:00:00Z");
	static final UUID AGENT = UUID.randomUUID();

	static Ticket leftWhileNobodyWasOnline() {
		return new Ticket(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				TicketState.OPEN, LeftBecause.NO_AGENT_ONLINE, null,
				ContactDetails.given("Wang Fang", "wang@example.com", null), "Where is my order?", LEFT, LEFT, LEFT,
				null, null, null, null, null, null, TicketKind.MESSAGE, null);
	}

	static Instant later(int minutes) {
		return LEFT.plus(Duration.ofMinutes(minutes));
	}

	@Test
	void answeringAnUnassignedTicketTakesIt() {
		Ticket answered = leftWhileNobodyWasOnline().answeredBy(AGENT, later(5));
		assertThat(answered.state()).isEqualTo(TicketState.ANSWERED);
		assertThat(answered.assigneeId()).isEqualTo(AGENT);
		assertThat(answered.assignedAt()).isEqualTo(later(5));
		assertThat(answered.firstAnsweredAt()).isEqualTo(later(5));
		assertThat(answered.waitingSince()).isNull();
	}

	@Test
	void secondAnswerKeepsTheFirstAnswerTimeAndTheAssignee() {
		UUID supervisor = UUID.randomUUID();
		Ticket twice = leftWhileNobodyWasOnline().answeredBy(AGENT, later(5)).answeredBy(supervisor, later(9));
		assertThat(twice.assigneeId()).isEqualTo(AGENT);
		assertThat(twice.firstAnsweredAt()).isEqualTo(later(5));
		assertThat(twice.answeredAt()).isEqualTo(later(9));
	}

	@Test
	void followUpOnAnAnsweredTicketOpensItAndTheCustomerWaitsFromThen() {
		Ticket followedUp = leftWhileNobodyWasOnline().answeredBy(AGENT, later(5)).followedUp(later(30));
		assertThat(followedUp.state()).isEqualTo(TicketState.OPEN);
		assertThat(followedUp.waitingSince()).isEqualTo(later(30));
		assertThat(followedUp.assigneeId()).isEqualTo(AGENT);
	}

	@Test
	void followUpOnAnOpenTicketKeepsHowLongTheCustomerHasWaited() {
		assertThat(leftWhileNobodyWasOnline().followedUp(later(30)).waitingSince()).isEqualTo(LEFT);
	}

	@Test
	void followUpReopensAClosedTicket() {
		Ticket reopened = leftWhileNobodyWasOnline().closedBy(AGENT, "spam?", later(1)).followedUp(later(60));
		assertThat(reopened.state()).isEqualTo(TicketState.OPEN);
		assertThat(reopened.closedAt()).isNull();
		assertThat(reopened.closeNote()).isNull();
		assertThat(reopened.waitingSince()).isEqualTo(later(60));
	}

	@Test
	void rejectsAnsweringClosingAndHandingOnAClosedTicket() {
		Ticket closed = leftWhileNobodyWasOnline().closedBy(AGENT, null, later(1));
		assertThatThrownBy(() -> closed.answeredBy(AGENT, later(2))).isInstanceOf(StateConflict.class)
			.hasFieldOrPropertyWithValue("code", "ticket-closed");
		assertThatThrownBy(() -> closed.closedBy(AGENT, null, later(2))).isInstanceOf(StateConflict.class)
			.hasFieldOrPropertyWithValue("code", "ticket-closed");
		assertThatThrownBy(() -> closed.assignedTo(UUID.randomUUID(), later(2))).isInstanceOf(StateConflict.class);
	}

	@Test
	void reopensOnlyAClosedTicket() {
		assertThatThrownBy(() -> leftWhileNobodyWasOnline().reopened(later(1))).isInstanceOf(StateConflict.class)
			.hasFieldOrPropertyWithValue("code", "ticket-not-closed");
		Ticket reopened = leftWhileNobodyWasOnline().closedBy(AGENT, null, later(1)).reopened(later(2));
		assertThat(reopened.state()).isEqualTo(TicketState.OPEN);
		assertThat(reopened.waitingSince()).isEqualTo(later(2));
	}

	@Test
	void handingBackToTheGroupClearsTheAssignment() {
		Ticket released = leftWhileNobodyWasOnline().assignedTo(AGENT, later(1)).assignedTo(null, later(2));
		assertThat(released.assigneeId()).isNull();
		assertThat(released.assignedAt()).isNull();
	}

	@Test
	void contactDetailsNeedAnEmailOrAPhone() {
		assertThatThrownBy(() -> ContactDetails.given("Wang Fang", " ", null).requireReachable())
			.isInstanceOf(RequestRejected.class)
			.hasFieldOrPropertyWithValue("code", "contact-details-required");
		assertThat(ContactDetails.given(null, null, "+86 138 0000 0000").requireReachable().phone())
			.isEqualTo("+86 138 0000 0000");
		assertThatThrownBy(() -> ContactDetails.given(null, "not-an-address", null))
			.hasFieldOrPropertyWithValue("code", "invalid-email");
	}

	@Test
	void subjectIsTheStartOfTheFirstLineWhenNoneIsGiven() {
		assertThat(Ticket.subjectOf(null, "  我的订单还没到\n订单号 123")).isEqualTo("我的订单还没到");
		assertThat(Ticket.subjectOf(" ", "x".repeat(100))).hasSize(80).endsWith("…");
		assertThat(Ticket.subjectOf("Refund", "body")).isEqualTo("Refund");
	}
}
