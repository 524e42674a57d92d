package dev.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.contact.VisitorSendBudget;
import dev.kefu.shared.RateLimited;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Call-back requests (回呼) end to end over real HTTP: a customer asks to be called back, an agent finds the request
 * among the tickets, calls, records how each call went, and the reports count it.
 */
@ServerTest
class CallbackRequestIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	@Test
	void agentCallsBackUntilTheCustomerIsReachedAndTheReportsCountIt() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String visitor = api.visitor(tenant.slug());
		Instant from = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Instant until = from.plus(2, ChronoUnit.HOURS);

		Api.Response asked = api.call("POST", "/api/v1/visitor/callbacks", visitor, request("c-1", "+86 (21) 5555-0100",
				Map.of("name", "Wang Fang", "from", from.toString(), "until", until.toString(),
						"note", "About my refund")));

		assertThat(asked.status()).as(asked.text()).isEqualTo(201);
		assertThat(asked.body().path("kind").asString()).isEqualTo("CALLBACK");
		assertThat(asked.body().path("state").asString()).isEqualTo("OPEN");
		assertThat(Instant.parse(asked.body().path("callback").path("from").asString())).isEqualTo(from);
		assertThat(asked.body().path("callback").path("attempts").asInt()).isZero();
		String id = asked.body().path("id").asString();
		assertThat(api.call("POST", "/api/v1/visitor/callbacks", visitor, request("c-1", "+86 (21) 5555-0100",
				Map.of())).status()).as("a resend finds the stored request").isEqualTo(200);
		api.post("/api/v1/visitor/tickets", visitor,
				Map.of("clientMsgId", "m-1", "email", "wang@example.com", "body", "An ordinary message"));

		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		assertThat(ids(api.get("/api/v1/tickets?kind=CALLBACK", agent))).containsExactly(id);
		assertThat(ids(api.get("/api/v1/tickets", agent))).hasSize(2).contains(id);
		JsonNode staff = api.get("/api/v1/tickets/" + id, agent).path("ticket");
		assertThat(staff.path("contactDetails").path("phone").asString()).isEqualTo("+86 (21) 5555-0100");
		assertThat(Instant.parse(staff.path("callback").path("until").asString())).isEqualTo(until);

		JsonNode noAnswer = api.post("/api/v1/tickets/" + id + "/callback-attempts", agent,
				Map.of("outcome", "NO_ANSWER", "note", "voicemail", "tryAgain", true)).path("ticket");
		assertThat(noAnswer.path("state").asString()).as("kept open for another call").isEqualTo("OPEN");
		assertThat(noAnswer.path("callback").path("attempts").asInt()).isEqualTo(1);
		assertThat(noAnswer.path("callback").path("outcome").asString()).isEqualTo("NO_ANSWER");
		JsonNode reached = api.post("/api/v1/tickets/" + id + "/callback-attempts", agent,
				Map.of("outcome", "REACHED", "note", "refund explained")).path("ticket");
		assertThat(reached.path("state").asString()).isEqualTo("CLOSED");
		assertThat(reached.path("callback").path("attempts").asInt()).isEqualTo(2);
		assertThat(reached.path("closeNote").asString()).isEqualTo("refund explained");
		assertThat(api.call("POST", "/api/v1/tickets/" + id + "/callback-attempts", agent,
				Map.of("outcome", "REACHED")).code()).isEqualTo("ticket-closed");

		JsonNode seen = api.get("/api/v1/visitor/tickets/" + id, visitor);
		assertThat(seen.path("state").asString()).isEqualTo("CLOSED");
		assertThat(seen.path("callback").path("outcome").asString()).isEqualTo("REACHED");
		assertThat(seen.path("callback").path("attempts").asInt()).isEqualTo(2);
		assertThat(seen.toString()).as("the agent's notes are internal").doesNotContain("voicemail", "refund explained");

		String days = "from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "&to="
				+ LocalDate.now(ZoneOffset.UTC).plusDays(1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode totals = api.get("/api/v1/reports/kpis?" + days, tenant.adminToken(api)).path("totals");
			assertThat(totals.path("tickets").asInt()).isEqualTo(2);
			assertThat(totals.path("callbacks").asInt()).isEqualTo(1);
			assertThat(totals.path("callbackAttempts").asInt()).isEqualTo(2);
			assertThat(totals.path("callbacksReached").asInt()).isEqualTo(1);
			assertThat(totals.path("callbacksNoAnswer").asInt()).as("the latest call counts").isZero();
			assertThat(totals.path("ticketsAnswered").asInt()).as("the first call answers the request").isEqualTo(1);
			assertThat(totals.path("callbackReachRate").asDouble()).isEqualTo(1.0);
		});
	}

	@Test
	void asSoonAsPossibleNeedsNoWindowAndWrongNumberClosesIt() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String visitor = api.visitor(tenant.slug());

		JsonNode asked = api.post("/api/v1/visitor/callbacks", visitor, request("c-1", "13800138000", Map.of()));

		assertThat(asked.path("callback").path("from").isMissingNode() || asked.path("callback").path("from").isNull())
			.isTrue();
		assertThat(asked.path("subject").asString()).isEqualTo("13800138000");
		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		JsonNode wrong = api.post("/api/v1/tickets/" + asked.path("id").asString() + "/callback-attempts", agent,
				Map.of("outcome", "WRONG_NUMBER", "tryAgain", true)).path("ticket");
		assertThat(wrong.path("state").asString()).as("only no answer may stay open").isEqualTo("CLOSED");
	}

	@Test
	void refusesABadPhoneOrWindowWithAClearProblem() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String visitor = api.visitor(tenant.slug());
		Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);

		assertThat(refusal(visitor, request("c-1", null, Map.of()))).isEqualTo("phone-required");
		assertThat(refusal(visitor, request("c-2", "call me", Map.of()))).isEqualTo("invalid-phone");
		assertThat(refusal(visitor, request("c-3", "1234", Map.of()))).as("too few digits").isEqualTo("invalid-phone");
		assertThat(refusal(visitor, request("c-4", "+1 234 567 890 123 456 789 01", Map.of())))
			.as("too many digits").isEqualTo("invalid-phone");
		assertThat(refusal(visitor, request("c-5", "13800138000",
				Map.of("from", soon.toString(), "until", soon.minus(1, ChronoUnit.MINUTES).toString()))))
			.isEqualTo("invalid-callback-window");
		assertThat(refusal(visitor, request("c-6", "13800138000", Map.of("from", soon.toString()))))
			.isEqualTo("invalid-callback-window");
		assertThat(refusal(visitor, request("c-7", "13800138000",
				Map.of("from", soon.minus(1, ChronoUnit.DAYS).toString(),
						"until", soon.minus(23, ChronoUnit.HOURS).toString()))))
			.isEqualTo("callback-window-past");
		assertThat(refusal(visitor, request("c-8", "13800138000", Map.of("from", "tomorrow", "until", "later"))))
			.as("unreadable times are a 400 too").isNotNull();
		assertThat(api.get("/api/v1/visitor/tickets", visitor).isEmpty()).as("nothing stored").isTrue();

		String agent = api.login(tenant.agent(0).username(), TestTenant.PASSWORD);
		String id = api.post("/api/v1/visitor/tickets", visitor,
				Map.of("clientMsgId", "m-1", "email", "wang@example.com", "body", "Hello")).path("id").asString();
		assertThat(api.call("POST", "/api/v1/tickets/" + id + "/callback-attempts", agent, Map.of("outcome", "LOST"))
			.code()).isEqualTo("invalid-callback-outcome");
		assertThat(api.call("POST", "/api/v1/tickets/" + id + "/callback-attempts", agent,
				Map.of("outcome", "REACHED")).code()).as("a left message is not called back").isEqualTo("not-a-callback");
		assertThat(api.call("GET", "/api/v1/tickets?kind=FAX", agent, null).code()).isEqualTo("invalid-kind");
	}

	@Test
	void anotherOrganizationsCallbackRequestIsNotFound() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		TestTenant other = TestTenant.create(context, 1, 3);
		String visitor = api.visitor(tenant.slug());
		String id = api.post("/api/v1/visitor/callbacks", visitor, request("c-1", "13800138000", Map.of()))
			.path("id")
			.asString();
		String outsider = api.login(other.agent(0).username(), TestTenant.PASSWORD);

		Api.Response attempt = api.call("POST", "/api/v1/tickets/" + id + "/callback-attempts", outsider,
				Map.of("outcome", "REACHED"));

		assertThat(attempt.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/tickets?kind=CALLBACK", outsider).isEmpty()).isTrue();
		assertThat(api.call("GET", "/api/v1/visitor/tickets/" + id, api.visitor(other.slug()), null).status())
			.isEqualTo(404);
	}

	@Test
	void aVisitorWhoseSendBudgetIsSpentIsRefusedLikeForLeftMessages() throws Exception {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		JsonNode session = api.post("/api/v1/visitor/sessions", null, Map.of("organization", tenant.slug()));
		String visitor = session.path("token").asString();
		UUID contactId = UUID.fromString(session.path("contact").path("id").asString());
		VisitorSendBudget budget = context.getBean(VisitorSendBudget.class);

		// Another sender keeps the customer's budget spent: every token that comes back is taken at once, so the
		// requests below find none however slow this machine is.
		AtomicBoolean flooding = new AtomicBoolean(true);
		Thread flood = Thread.ofPlatform().start(() -> {
			while (flooding.get()) {
				try {
					budget.take(contactId);
				}
				catch (RateLimited spent) {
					Thread.onSpinWait();
				}
			}
		});
		List<Api.Response> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				answers.add(api.call("POST", "/api/v1/visitor/callbacks", visitor,
						request("flood-" + i, "13800138000", Map.of())));
			}
		}
		finally {
			flooding.set(false);
			flood.join();
		}

		assertThat(answers).filteredOn(a -> a.status() == 429)
			.isNotEmpty()
			.allSatisfy(a -> assertThat(a.code()).isEqualTo("rate-limited"));
		assertThat(api.get("/api/v1/visitor/tickets", visitor).size())
			.isEqualTo((int) answers.stream().filter(a -> a.status() == 201).count());
	}

	private String refusal(String visitor, Map<String, Object> request) {
		Api.Response response = api.call("POST", "/api/v1/visitor/callbacks", visitor, request);
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		return response.code();
	}

	private static Map<String, Object> request(String clientMsgId, String phone, Map<String, Object> rest) {
		Map<String, Object> request = new HashMap<>(rest);
		request.put("clientMsgId", clientMsgId);
		if (phone != null) {
			request.put("phone", phone);
		}
		return request;
	}

	private static List<String> ids(JsonNode tickets) {
		return tickets.valueStream().map(ticket -> ticket.path("id").asString()).toList();
	}
}
