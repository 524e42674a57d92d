package dev.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.Groups;
import dev.kefu.organization.OpeningHours;
import dev.kefu.testing.Api;
import dev.kefu.testing.PublishedEvents;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** Leave-a-message end to end, over real HTTP: the customer's side, the agents' side and who gets which ticket. */
@ServerTest
class TicketIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	/** Every TicketEvents published while a test runs, as other modules would receive them. */
	PublishedEvents<TicketEvents> published;

	@BeforeEach
	void client() {
		api = new Api(port);
		published = PublishedEvents.record(context, TicketEvents.class);
	}

	@AfterEach
	void stopRecording() {
		published.close();
	}

	@Test
	void visitorLeavesAMessageWhenNoAgentIsOnline() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String visitor = api.visitor(tenant.slug());
		JsonNode chat = api.post("/api/v1/visitor/conversations", visitor, "{}");
		assertThat(chat.path("unavailable").asString()).isEqualTo("NO_AGENT_ONLINE");

		Api.Response left = api.call("POST", "/api/v1/visitor/tickets", visitor, message("m-1",
				"我的订单还没到，订单号 20261125", Map.of("name", "Wang Fang", "email", "wang@example.com")));

		assertThat(left.status()).isEqualTo(201);
		assertThat(left.body().path("state").asString()).isEqualTo("OPEN");
		assertThat(left.body().path("thread").get(0).path("body").asString()).isEqualTo("我的订单还没到，订单号 20261125");
		JsonNode ticket = staffView(tenant, left.body().path("id").asString()).path("ticket");
		assertThat(ticket.path("reason").asString()).isEqualTo("NO_AGENT_ONLINE");
		assertThat(ticket.path("assigneeId").isMissingNode()).isTrue();
		assertThat(ticket.path("contactDetails").path("email").asString()).isEqualTo("wang@example.com");
		assertThat(ticket.path("subject").asString()).isEqualTo("我的订单还没到，订单号 20261125");
		assertThat(ids(api.get("/api/v1/tickets?assignee=none", admin(tenant))))
			.containsExactly(left.body().path("id").asString());
	}

	@Test
	void firstAgentBackOnlineGetsTheWaitingTickets() {
		TestTenant tenant = TestTenant.create(context, 2, 3);
		String first = leave(api.visitor(tenant.slug()), "m-1", "first@example.com");
		String second = leave(api.visitor(tenant.slug()), "m-1", "second@example.com");
		String agent1 = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		String agent2 = api.login(tenant.agent(1).username(), TestTenant.PASSWORD);

		online(agent1);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids(api.get("/api/v1/tickets?assignee=me", agent1)))
				.containsExactly(first, second));
		online(agent2);
		String third = leave(api.visitor(tenant.slug()), "m-1", "third@example.com");
		assertThat(staffView(tenant, third).path("ticket").path("assigneeId").asString())
			.as("a ticket left while agents are online goes to the one with the fewest waiting")
			.isEqualTo(tenant.agent(1).id().toString());
		assertThat(ids(api.get("/api/v1/tickets?assignee=me", agent1))).containsExactly(first, second);
	}

	@Test
	void twoAgentsComingOnlineTogetherNeverShareATicket() throws Exception {
		TestTenant tenant = TestTenant.create(context, 2, 3);
		List<String> waiting = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			waiting.add(leave(api.visitor(tenant.slug()), "m-1", "customer" + i + "@example.com"));
		}
		String agent1 = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		String agent2 = api.login(tenant.agent(1).username(), TestTenant.PASSWORD);

		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<?> one = CompletableFuture.runAsync(() -> awaitThen(start, () -> online(agent1)));
		CompletableFuture<?> two = CompletableFuture.runAsync(() -> awaitThen(start, () -> online(agent2)));
		start.countDown();
		CompletableFuture.allOf(one, two).get();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/tickets?assignee=none", admin(tenant)).isEmpty());
		List<String> mine1 = ids(api.get("/api/v1/tickets?assignee=me", agent1));
		List<String> mine2 = ids(api.get("/api/v1/tickets?assignee=me", agent2));
		assertThat(concat(mine1, mine2)).as("each ticket with exactly one agent")
			.containsExactlyInAnyOrderElementsOf(waiting);
		assertThat(List.of(mine1.size(), mine2.size())).as("the first agent back takes all that wait")
			.containsExactlyInAnyOrder(0, waiting.size());
		Map<String, Long> assignments = events(tenant, TicketAssigned.class).stream()
			.collect(Collectors.groupingBy(e -> e.ticketId().toString(), Collectors.counting()));
		assertThat(assignments).as("each ticket handed out once").hasSize(waiting.size()).allSatisfy((id, count) -> {
			assertThat(count).isEqualTo(1L);
		});
	}

	@Test
	void eachStepOfATicketIsPublishedForOtherModules() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String visitor = api.visitor(tenant.slug());
		String ticket = leave(visitor, "m-1", "wang@example.com");
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		api.post("/api/v1/tickets/" + ticket + "/answers", agent, Map.of("clientMsgId", "a-1", "body", "Done."));
		api.post("/api/v1/tickets/" + ticket + "/close", agent, null);
		api.post("/api/v1/visitor/tickets/" + ticket + "/messages", visitor, Map.of("clientMsgId", "m-2", "body", "No"));
		api.post("/api/v1/tickets/" + ticket + "/close", agent, null);
		api.post("/api/v1/tickets/" + ticket + "/reopen", agent, null);

		assertThat(events(tenant, TicketEvents.class)).extracting(e -> e.getClass().getSimpleName())
			.containsExactly("TicketOpened", "TicketAssigned", "TicketAnswered", "TicketClosed", "TicketFollowedUp",
					"TicketClosed", "TicketReopened");
		assertThat(events(tenant, TicketEvents.class)).allSatisfy(e -> assertThat(e.ticketId().toString())
			.isEqualTo(ticket));
		assertThat(events(tenant, TicketOpened.class).getFirst().reason()).isEqualTo("NO_AGENT_ONLINE");
		assertThat(events(tenant, TicketAssigned.class).getFirst().assigneeId()).isEqualTo(tenant.agent(0).id());
		assertThat(events(tenant, TicketFollowedUp.class).getFirst().reopened()).isTrue();
	}

	@Test
	void agentAnswerIsShownToTheCustomerOnReturn() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String visitor = api.visitor(tenant.slug());
		String ticket = leave(visitor, "m-1", "wang@example.com");
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);

		Api.Response answered = api.call("POST", "/api/v1/tickets/" + ticket + "/answers", agent,
				Map.of("clientMsgId", "a-1", "body", "Your parcel left our warehouse today."));
		assertThat(answered.status()).isEqualTo(201);
		assertThat(answered.body().path("ticket").path("state").asString()).isEqualTo("ANSWERED");
		assertThat(answered.body().path("ticket").path("assigneeId").asString())
			.as("answering a ticket nobody had takes it")
			.isEqualTo(tenant.agent(0).id().toString());

		String returning = api.post("/api/v1/visitor/sessions", null,
				Map.of("organization", tenant.slug(), "token", visitor)).path("token").asString();
		JsonNode mine = api.get("/api/v1/visitor/tickets", returning);
		assertThat(mine.size()).isEqualTo(1);
		JsonNode shown = mine.get(0);
		assertThat(shown.path("state").asString()).isEqualTo("ANSWERED");
		assertThat(shown.path("answeredAt").isMissingNode()).isFalse();
		assertThat(shown.path("thread").valueStream().map(e -> e.path("from").asString()))
			.containsExactly("CONTACT", "AGENT");
		JsonNode answer = shown.path("thread").get(1);
		assertThat(answer.path("body").asString()).isEqualTo("Your parcel left our warehouse today.");
		assertThat(answer.path("agentName").asString()).isEqualTo(tenant.agent(0).name());
		assertThat(shown.path("assigneeId").isMissingNode()).as("staff ids stay inside").isTrue();
	}

	@Test
	void customerWritingAgainReopensTheTicketForItsAgent() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String visitor = api.visitor(tenant.slug());
		String ticket = leave(visitor, "m-1", "wang@example.com");
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		api.post("/api/v1/tickets/" + ticket + "/answers", agent, Map.of("clientMsgId", "a-1", "body", "Done."));
		api.post("/api/v1/tickets/" + ticket + "/close", agent, Map.of("note", "resolved by answer"));

		Api.Response followUp = api.call("POST", "/api/v1/visitor/tickets/" + ticket + "/messages", visitor,
				Map.of("clientMsgId", "m-2", "body", "It still has not arrived."));

		assertThat(followUp.status()).isEqualTo(201);
		assertThat(followUp.body().path("state").asString()).isEqualTo("OPEN");
		JsonNode detail = api.get("/api/v1/tickets/" + ticket, agent);
		assertThat(detail.path("ticket").path("state").asString()).isEqualTo("OPEN");
		assertThat(detail.path("ticket").path("assigneeId").asString()).isEqualTo(tenant.agent(0).id().toString());
		assertThat(detail.path("thread").valueStream().map(e -> e.path("body").asString()))
			.containsExactly("It is missing.", "Done.", "It still has not arrived.");
		assertThat(detail.path("thread").valueStream().map(e -> e.path("seq").asLong())).containsExactly(1L, 2L, 3L);
		assertThat(ids(api.get("/api/v1/tickets?assignee=me&state=OPEN", agent))).containsExactly(ticket);
	}

	@Test
	void resentTicketMessageIsStoredOnce() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String visitor = api.visitor(tenant.slug());
		Map<String, Object> body = message("same-id", "It is missing.", Map.of("phone", "+86 138 0000 0000"));

		Api.Response first = api.call("POST", "/api/v1/visitor/tickets", visitor, body);
		Api.Response resent = api.call("POST", "/api/v1/visitor/tickets", visitor, body);

		assertThat(first.status()).isEqualTo(201);
		assertThat(resent.status()).isEqualTo(200);
		String ticket = first.body().path("id").asString();
		assertThat(resent.body().path("id").asString()).isEqualTo(ticket);
		assertThat(ids(api.get("/api/v1/tickets", admin(tenant)))).containsExactly(ticket);

		Map<String, Object> followUp = Map.of("clientMsgId", "f-1", "body", "Any news?");
		assertThat(api.call("POST", "/api/v1/visitor/tickets/" + ticket + "/messages", visitor, followUp).status())
			.isEqualTo(201);
		assertThat(api.call("POST", "/api/v1/visitor/tickets/" + ticket + "/messages", visitor, followUp).status())
			.isEqualTo(200);
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		Map<String, Object> answer = Map.of("clientMsgId", "a-1", "body", "Tomorrow.");
		assertThat(api.call("POST", "/api/v1/tickets/" + ticket + "/answers", agent, answer).status()).isEqualTo(201);
		assertThat(api.call("POST", "/api/v1/tickets/" + ticket + "/answers", agent, answer).status()).isEqualTo(200);

		JsonNode thread = api.get("/api/v1/visitor/tickets/" + ticket, visitor).path("thread");
		assertThat(thread.valueStream().map(e -> e.path("clientMsgId").asString()))
			.containsExactly("same-id", "f-1", "a-1");
	}

	@Test
	void otherOrganizationCannotSeeTheTicket() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		TestTenant other = TestTenant.create(context, 1, 3);
		String visitor = api.visitor(tenant.slug());
		String ticket = leave(visitor, "m-1", "wang@example.com");
		String outsider = api.login(other.agent(0).username(), TestTenant.PASSWORD);

		assertThat(api.call("GET", "/api/v1/tickets/" + ticket, outsider, null).code()).isEqualTo("not-found");
		Api.Response answer = api.call("POST", "/api/v1/tickets/" + ticket + "/answers", outsider,
				Map.of("clientMsgId", "a-1", "body", "hello"));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(api.call("POST", "/api/v1/tickets/" + ticket + "/claim", outsider, null).status()).isEqualTo(404);
		assertThat(api.call("POST", "/api/v1/tickets/" + ticket + "/close", outsider, null).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/tickets?state=OPEN&state=ANSWERED&state=CLOSED", admin(other)).isEmpty()).isTrue();

		String anotherVisitor = api.visitor(tenant.slug());
		assertThat(api.call("GET", "/api/v1/visitor/tickets/" + ticket, anotherVisitor, null).status()).isEqualTo(404);
		assertThat(api.call("POST", "/api/v1/visitor/tickets/" + ticket + "/messages", anotherVisitor,
				Map.of("clientMsgId", "x", "body", "mine now?")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/visitor/tickets", anotherVisitor).isEmpty()).isTrue();
		assertThat(api.get("/api/v1/tickets/" + ticket, admin(tenant)).path("thread").size()).isEqualTo(1);
	}

	@Test
	void ticketWithoutAnyContactDetailIsRejectedWithAProblem() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String visitor = api.visitor(tenant.slug());

		Api.Response rejected = api.call("POST", "/api/v1/visitor/tickets", visitor,
				message("m-1", "Call me back", Map.of("name", "Wang Fang")));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.contentType()).startsWith("application/problem+json");
		assertThat(rejected.code()).isEqualTo("contact-details-required");
		assertThat(api.call("POST", "/api/v1/visitor/tickets", visitor,
				message("m-1", "Call me back", Map.of("email", "wang@"))).code()).isEqualTo("invalid-email");
		assertThat(api.call("POST", "/api/v1/visitor/tickets", visitor,
				message("m-1", " ", Map.of("email", "wang@example.com"))).code()).isEqualTo("empty-message");
		assertThat(api.call("POST", "/api/v1/visitor/tickets", visitor,
				message("m-1", "x".repeat(5001), Map.of("email", "wang@example.com"))).code())
			.isEqualTo("message-too-long");
		assertThat(api.get("/api/v1/visitor/tickets", visitor).isEmpty()).isTrue();
	}

	@Test
	void contactDetailsFromTheCustomersProfileAreEnoughAndGivenOnesFillItsBlanks() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String known = api.visitor(tenant.slug());
		api.put("/api/v1/visitor/profile", known, Map.of("email", "known@example.com"));
		Api.Response left = api.call("POST", "/api/v1/visitor/tickets", known, message("m-1", "Hello", Map.of()));
		assertThat(left.status()).isEqualTo(201);
		assertThat(left.body().path("contactDetails").path("email").asString()).isEqualTo("known@example.com");

		String anonymous = api.visitor(tenant.slug());
		api.post("/api/v1/visitor/tickets", anonymous,
				message("m-1", "Hello", Map.of("name", "Li Lei", "phone", "+86 139 0000 0000")));
		JsonNode profile = api.get("/api/v1/visitor/profile", anonymous);
		assertThat(profile.path("name").asString()).isEqualTo("Li Lei");
		assertThat(profile.path("phone").asString()).isEqualTo("+86 139 0000 0000");
	}

	@Test
	void ticketLeftWhenTheQueueIsFullRecordsWhyAndGoesToTheOnlineAgent() {
		TestTenant tenant = TestTenant.create(context, 1, 1, 0);
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		online(agent);
		api.post("/api/v1/visitor/conversations", api.visitor(tenant.slug()), "{}");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> api.get("/api/v1/conversations/mine", agent).size() == 1);
		String visitor = api.visitor(tenant.slug());
		assertThat(api.post("/api/v1/visitor/conversations", visitor, "{}").path("unavailable").asString())
			.isEqualTo("QUEUE_FULL");

		String ticket = leave(visitor, "m-1", "wang@example.com");

		JsonNode stored = api.get("/api/v1/tickets/" + ticket, agent).path("ticket");
		assertThat(stored.path("reason").asString()).isEqualTo("QUEUE_FULL");
		assertThat(stored.path("assigneeId").asString()).isEqualTo(tenant.agent(0).id().toString());
	}

	@Test
	void ticketLeftOutsideBusinessHoursSaysSo() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		int tomorrow = ZonedDateTime.now(tenant.organization().timeZone()).getDayOfWeek().plus(1).getValue();
		context.getBean(Groups.class)
			.replaceHours(tenant.id(), tenant.group().id(),
					List.of(new OpeningHours(tomorrow, LocalTime.of(9, 0), LocalTime.of(18, 0))));

		String ticket = leave(api.visitor(tenant.slug()), "m-1", "wang@example.com");

		assertThat(staffView(tenant, ticket).path("ticket").path("reason").asString())
			.isEqualTo("OUTSIDE_BUSINESS_HOURS");
	}

	@Test
	void agentsClaimCloseAndReopenTicketsAndOnlyTheHolderOrASupervisorMayWorkThem() {
		TestTenant tenant = TestTenant.create(context, 2, 3);
		String visitor = api.visitor(tenant.slug());
		String ticket = leave(visitor, "m-1", "wang@example.com");
		String agent1 = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		String agent2 = api.login(tenant.agent(1).username(), TestTenant.PASSWORD);
		String supervisor = admin(tenant);

		assertThat(api.post("/api/v1/tickets/" + ticket + "/claim", agent1, null).path("ticket").path("assigneeId")
			.asString()).isEqualTo(tenant.agent(0).id().toString());
		assertThat(api.call("POST", "/api/v1/tickets/" + ticket + "/claim", agent2, null).code())
			.isEqualTo("ticket-taken");
		assertThat(api.call("POST", "/api/v1/tickets/" + ticket + "/answers", agent2,
				Map.of("clientMsgId", "a-1", "body", "Me too")).status()).isEqualTo(403);

		api.put("/api/v1/tickets/" + ticket + "/assignee", supervisor,
				Map.of("assigneeId", tenant.agent(1).id().toString()));
		assertThat(ids(api.get("/api/v1/tickets?assignee=me", agent2))).containsExactly(ticket);
		assertThat(api.call("POST", "/api/v1/tickets/" + ticket + "/close", agent1, null).status()).isEqualTo(403);

		JsonNode closed = api.post("/api/v1/tickets/" + ticket + "/close", agent2, Map.of("note", "duplicate of #12"));
		assertThat(closed.path("ticket").path("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("ticket").path("closeNote").asString()).isEqualTo("duplicate of #12");
		assertThat(api.call("POST", "/api/v1/tickets/" + ticket + "/close", agent2, null).code())
			.isEqualTo("ticket-closed");
		assertThat(api.call("POST", "/api/v1/tickets/" + ticket + "/answers", agent2,
				Map.of("clientMsgId", "a-2", "body", "late")).code()).isEqualTo("ticket-closed");
		assertThat(api.get("/api/v1/visitor/tickets/" + ticket, visitor).path("closeNote").isMissingNode())
			.as("the closing note is internal")
			.isTrue();

		assertThat(api.post("/api/v1/tickets/" + ticket + "/reopen", agent2, null).path("ticket").path("state")
			.asString()).isEqualTo("OPEN");
		assertThat(api.call("POST", "/api/v1/tickets/" + ticket + "/reopen", agent2, null).code())
			.isEqualTo("ticket-not-closed");
		api.put("/api/v1/tickets/" + ticket + "/assignee", supervisor, "{\"assigneeId\":null}");
		assertThat(ids(api.get("/api/v1/tickets?assignee=none", supervisor))).containsExactly(ticket);
	}

	@Test
	void inboxShowsTheLongestWaitingFirstAndAnsweredOnesAfter() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String oldest = leave(api.visitor(tenant.slug()), "m-1", "a@example.com");
		String middle = leave(api.visitor(tenant.slug()), "m-1", "b@example.com");
		String newest = leave(api.visitor(tenant.slug()), "m-1", "c@example.com");
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		api.post("/api/v1/tickets/" + oldest + "/answers", agent, Map.of("clientMsgId", "a-1", "body", "Answered."));

		assertThat(ids(api.get("/api/v1/tickets", agent))).containsExactly(middle, newest, oldest);
		assertThat(ids(api.get("/api/v1/tickets?state=OPEN", agent))).containsExactly(middle, newest);
		assertThat(ids(api.get("/api/v1/tickets?assignee=me", agent))).containsExactly(oldest);
		assertThat(ids(api.get("/api/v1/tickets?groupId=" + tenant.group().id() + "&assignee=none", agent)))
			.containsExactly(middle, newest);
		assertThat(api.call("GET", "/api/v1/tickets?state=LOST", agent, null).code()).isEqualTo("invalid-state");
	}

	private <E extends TicketEvents> List<E> events(TestTenant tenant, Class<E> type) {
		return published.list().stream()
			.filter(e -> e.organizationId().equals(tenant.id()))
			.filter(type::isInstance)
			.map(type::cast)
			.toList();
	}

	private String leave(String visitor, String clientMsgId, String email) {
		Api.Response left = api.call("POST", "/api/v1/visitor/tickets", visitor,
				message(clientMsgId, "It is missing.", Map.of("email", email)));
		assertThat(left.status()).as(left.text()).isEqualTo(201);
		return left.body().path("id").asString();
	}

	private static Map<String, Object> message(String clientMsgId, String body, Map<String, String> details) {
		Map<String, Object> message = new HashMap<>(details);
		message.put("clientMsgId", clientMsgId);
		message.put("body", body);
		return message;
	}

	private void online(String agentToken) {
		api.put("/api/v1/agents/me/status", agentToken, "{\"status\":\"ONLINE\"}");
	}

	private String admin(TestTenant tenant) {
		return api.login(tenant.adminUsername(), TestTenant.PASSWORD);
	}

	private JsonNode staffView(TestTenant tenant, String ticketId) {
		return api.get("/api/v1/tickets/" + ticketId, admin(tenant));
	}

	private static List<String> ids(JsonNode tickets) {
		return tickets.valueStream().map(ticket -> ticket.path("id").asString()).toList();
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static void awaitThen(CountDownLatch start, Runnable action) {
		try {
			start.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		action.run();
	}
}
