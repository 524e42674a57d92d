package dev.kefu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.organization.StaffMembers;
import dev.kefu.quality.ReviewCompleted;
import dev.kefu.shared.Role;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * KPI reports over HTTP: exact figures from hand-made facts with known durations, periods and splits, who may see
 * what, bad requests, and a real chat reaching the report once it ends.
 */
@ServerTest
class KpiReportTest {

	static final String NOVEMBER = "from=2026-11-01&to=2026-11-30";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ConversationFacts facts;

	@Autowired
	TicketFacts tickets;

	@Autowired
	ReviewFacts reviews;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	/** Four conversations and two tickets of November 2026, with every duration known to the second. */
	TestTenant november() {
		TestTenant tenant = TestTenant.create(context, 2, 5);
		UUID agent = tenant.agent(0).id();
		// Mon 2 Nov: from the assistant, handed over, transferred once, summary 30 s after the close, rated 5.
		save(tenant, "2026-11-02", agent, "web", fact -> fact.assistant(true, true).answered(30, 15, 3, 65, 160)
			.afterChatWork(30L).messages(5, 4).transfers(1).rating(5));
		// Tue 3 Nov: straight to the queue, rated 2, no summary.
		save(tenant, "2026-11-03", agent, "web", fact -> fact.answered(10, 5, 1, 5, 100).messages(2, 2).rating(2));
		// Tue 3 Nov: the customer left the queue.
		save(tenant, "2026-11-03", null, "web", fact -> fact.abandoned().messages(1, 0));
		// Mon 9 Nov, from the app: the assistant answered and the customer left content.
		save(tenant, "2026-11-09", null, "app", fact -> fact.assistant(true, false).messages(1, 0));
		UUID answered = UUID.randomUUID();
		tickets.opened(tenant.id(), answered, Instant.parse("2026-11-03T01:00:00Z"), LocalDate.parse("2026-11-03"),
				tenant.group().id(), tenant.group().centerId(), "MESSAGE");
		tickets.answered(tenant.id(), answered, agent, Instant.parse("2026-11-03T02:00:00Z"));
		tickets.opened(tenant.id(), UUID.randomUUID(), Instant.parse("2026-11-04T01:00:00Z"),
				LocalDate.parse("2026-11-04"), tenant.group().id(), tenant.group().centerId(), "MESSAGE");
		// Two reviews of the agent: 80 revised to 90 on appeal (the older score arriving last changes nothing), and 60.
		UUID revised = UUID.randomUUID();
		review(tenant, revised, 90, "2026-11-06T03:00:00Z");
		review(tenant, revised, 80, "2026-11-05T03:00:00Z");
		review(tenant, UUID.randomUUID(), 60, "2026-11-05T04:00:00Z");
		return tenant;
	}

	@Test
	void computesEveryKpiExactlyFromHandMadeConversations() {
		TestTenant tenant = november();

		JsonNode totals = api.get("/api/v1/reports/kpis?" + NOVEMBER, tenant.adminToken(api)).path("totals");

		assertThat(totals.path("conversations").asInt()).isEqualTo(4);
		assertThat(totals.path("offered").asInt()).isEqualTo(3);
		assertThat(totals.path("answered").asInt()).isEqualTo(2);
		assertThat(totals.path("abandoned").asInt()).isEqualTo(1);
		assertThat(totals.path("answerRate").asDouble()).isEqualTo(0.6667);
		assertThat(totals.path("abandonRate").asDouble()).isEqualTo(0.3333);
		assertThat(totals.path("avgWaitSeconds").asDouble()).isEqualTo(20.0);
		assertThat(totals.path("avgFirstResponseSeconds").asDouble()).isEqualTo(10.0);
		// Pooled over responses: (65 + 5) s over 3 + 1 responses.
		assertThat(totals.path("avgResponseSeconds").asDouble()).isEqualTo(17.5);
		assertThat(totals.path("avgHandleSeconds").asDouble()).isEqualTo(130.0);
		// Only the conversation with a summary has after-chat work.
		assertThat(totals.path("avgAfterChatWorkSeconds").asDouble()).isEqualTo(30.0);
		assertThat(totals.path("effectiveSessions").asInt()).isEqualTo(2);
		assertThat(totals.path("effectiveRate").asDouble()).isEqualTo(1.0);
		// Customer and agent messages of answered conversations: (5 + 4 + 2 + 2) / 2.
		assertThat(totals.path("messagesPerChat").asDouble()).isEqualTo(6.5);
		assertThat(totals.path("transfers").asInt()).isEqualTo(1);
		assertThat(totals.path("rated").asInt()).isEqualTo(2);
		assertThat(totals.path("satisfaction").asDouble()).isEqualTo(0.5);
		assertThat(totals.path("avgRating").asDouble()).isEqualTo(3.5);
		assertThat(totals.path("assistantServed").asInt()).isEqualTo(2);
		assertThat(totals.path("assistantResolved").asInt()).isEqualTo(1);
		assertThat(totals.path("handedOver").asInt()).isEqualTo(1);
		assertThat(totals.path("assistantResolutionRate").asDouble()).isEqualTo(0.5);
		assertThat(totals.path("handOverRate").asDouble()).isEqualTo(0.5);
		assertThat(totals.path("tickets").asInt()).isEqualTo(2);
		assertThat(totals.path("ticketsAnswered").asInt()).isEqualTo(1);
		assertThat(totals.path("avgTicketAnswerSeconds").asDouble()).isEqualTo(3600.0);
		assertThat(totals.path("reviews").asInt()).isEqualTo(2);
		assertThat(totals.path("qaScore").asDouble()).isEqualTo(75.0);
	}

	@Test
	void foldsDaysIntoWeeksAndMonthsAndSplitsByChannelAndAgent() {
		TestTenant tenant = november();
		String admin = tenant.adminToken(api);

		JsonNode weeks = api.get("/api/v1/reports/kpis?" + NOVEMBER + "&period=week", admin).path("rows");
		assertThat(weeks).hasSize(2);
		assertThat(weeks.get(0).path("period").asString()).isEqualTo("2026-11-02");
		assertThat(weeks.get(0).path("figures").path("conversations").asInt()).isEqualTo(3);
		assertThat(weeks.get(0).path("figures").path("tickets").asInt()).isEqualTo(2);
		assertThat(weeks.get(1).path("period").asString()).isEqualTo("2026-11-09");
		assertThat(weeks.get(1).path("figures").path("conversations").asInt()).isEqualTo(1);

		JsonNode months = api.get("/api/v1/reports/kpis?" + NOVEMBER + "&period=month", admin).path("rows");
		assertThat(months).hasSize(1);
		assertThat(months.get(0).path("period").asString()).isEqualTo("2026-11-01");
		assertThat(months.get(0).path("label").asString()).isEqualTo(tenant.organization().name());
		assertThat(months.get(0).path("figures").path("conversations").asInt()).isEqualTo(4);

		JsonNode days = api.get("/api/v1/reports/kpis?from=2026-11-03&to=2026-11-03", admin).path("rows");
		assertThat(days).hasSize(1);
		assertThat(days.get(0).path("figures").path("conversations").asInt()).isEqualTo(2);
		assertThat(days.get(0).path("figures").path("tickets").asInt()).isEqualTo(1);

		Map<String, Integer> byChannel = conversationsByLabel(
				api.get("/api/v1/reports/kpis?" + NOVEMBER + "&period=month&by=channel", admin));
		assertThat(byChannel).containsExactlyInAnyOrderEntriesOf(Map.of("web", 3, "app", 1));

		JsonNode byAgent = api.get("/api/v1/reports/kpis?" + NOVEMBER + "&period=month&by=agent", admin).path("rows");
		JsonNode agent = row(byAgent, tenant.agent(0).name());
		assertThat(agent.path("key").asString()).isEqualTo(tenant.agent(0).id().toString());
		assertThat(agent.path("figures").path("conversations").asInt()).isEqualTo(2);
		assertThat(agent.path("figures").path("ticketsAnswered").asInt()).isEqualTo(1);
		assertThat(agent.path("figures").path("qaScore").asDouble()).isEqualTo(75.0);
		// Chats nobody answered and tickets nobody answered have no agent.
		assertThat(row(byAgent, "—").path("figures").path("conversations").asInt()).isEqualTo(2);
		assertThat(row(byAgent, "—").path("figures").path("tickets").asInt()).isEqualTo(1);

		assertThat(conversationsByLabel(api.get("/api/v1/reports/kpis?" + NOVEMBER + "&period=month&by=group", admin)))
			.containsExactlyEntriesOf(Map.of("General", 4));
	}

	@Test
	void exportsTheRowsAsCsv() {
		TestTenant tenant = november();

		Api.Response csv = api.raw("GET", "/api/v1/reports/kpis?" + NOVEMBER + "&period=month&format=csv",
				tenant.adminToken(api), null, null);

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		List<String> lines = csv.text().lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("\uFEFFperiod,key,label,conversations,offered,answered,abandoned,answerRate");
		assertThat(lines.get(1)).startsWith("2026-11-01," + tenant.id() + ",Test " + tenant.slug() + ",4,3,2,1,0.6667");
	}

	@Test
	void agentsSeeOnlyTheirOwnFiguresAndSupervisorsOnlyTheirGroups() {
		TestTenant tenant = november();
		String agent = tenant.agentToken(api, 0);
		String colleague = tenant.agentToken(api, 1);

		assertThat(api.get("/api/v1/reports/kpis?" + NOVEMBER, agent).path("totals").path("conversations").asInt())
			.isEqualTo(2);
		assertThat(api.get("/api/v1/reports/kpis?" + NOVEMBER, colleague).path("totals").path("conversations").asInt())
			.isZero();
		assertThat(api.call("GET", "/api/v1/reports/kpis?" + NOVEMBER + "&agentId=" + tenant.agent(0).id(), colleague,
				null).status()).isEqualTo(403);

		UUID elsewhere = tenant.addGroup(context, "VIP", 10).id();
		context.getBean(StaffMembers.class).create(tenant.id(), tenant.slug() + "-lead", TestTenant.PASSWORD,
				new StaffMembers.Profile("Lead", null, Set.of(Role.SUPERVISOR), 1, true, List.of(elsewhere)));
		String lead = api.login(tenant.slug() + "-lead", TestTenant.PASSWORD);
		assertThat(api.get("/api/v1/reports/kpis?" + NOVEMBER, lead).path("totals").path("conversations").asInt())
			.as("the lead's group had no conversations").isZero();
		Api.Response other = api.call("GET", "/api/v1/reports/kpis?" + NOVEMBER + "&groupId=" + tenant.group().id(), lead,
				null);
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.code()).isEqualTo("forbidden");
	}

	@Test
	void refusesBadParametersWithAClearError() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);

		assertRefused(api.call("GET", "/api/v1/reports/kpis?period=year", admin, null), "invalid-period");
		assertRefused(api.call("GET", "/api/v1/reports/kpis?by=planet", admin, null), "invalid-by");
		assertRefused(api.call("GET", "/api/v1/reports/kpis?from=2026-11-30&to=2026-11-01", admin, null),
				"invalid-range");
		assertRefused(api.call("GET", "/api/v1/reports/kpis?from=2025-01-01&to=2026-11-30", admin, null),
				"invalid-range");
		assertRefused(api.call("GET", "/api/v1/reports/kpis?from=yesterday", admin, null), "invalid-from");
		assertRefused(api.call("GET", "/api/v1/reports/kpis?format=xml", admin, null), "invalid-format");
		assertThat(api.call("GET", "/api/v1/reports/kpis", api.visitor(tenant.slug()), null).status()).isEqualTo(403);
	}

	@Test
	void aRealChatReachesTheReportOnceItEndsOnTheDayOfTheOrganizationsTimeZone() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String agent = tenant.agentToken(api, 0);
		ServedChat chat = ServedChat.start(api, tenant, agent).customer("Where is my parcel?")
			.agent("It left the warehouse today.");
		chat.close();
		chat.rate(4);
		String id = chat.id();
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

		JsonNode totals = await().until(
				() -> api.get("/api/v1/reports/kpis?from=" + today + "&to=" + today, agent).path("totals"),
				t -> t.path("rated").asInt() == 1);

		assertThat(totals.path("conversations").asInt()).isEqualTo(1);
		assertThat(totals.path("answered").asInt()).isEqualTo(1);
		assertThat(totals.path("effectiveSessions").asInt()).isEqualTo(1);
		assertThat(totals.path("messagesPerChat").asDouble()).isEqualTo(2.0);
		assertThat(totals.path("avgRating").asDouble()).isEqualTo(4.0);
		assertThat(totals.has("avgFirstResponseSeconds")).as("the agent answered, so there is a first response").isTrue();
		assertThat(totals.path("avgFirstResponseSeconds").asDouble()).isGreaterThanOrEqualTo(0.0);

		// A QA review of the chat reaches the report through its event.
		context.getBean(TransactionTemplate.class).executeWithoutResult(tx -> context.publishEvent(
				new ReviewCompleted(tenant.id(), UUID.fromString(id), UUID.randomUUID(), tenant.agent(0).id(), 88.5,
						Instant.now())));
		await().until(() -> api.get("/api/v1/reports/kpis?from=" + today + "&to=" + today, agent).path("totals")
			.path("qaScore").asDouble(), score -> score == 88.5);

		// Measuring everything again changes nothing: one row per conversation.
		String admin = tenant.adminToken(api);
		assertThat(api.call("POST", "/api/v1/admin/reports/rebuild", admin, null).status()).isEqualTo(202);
		JsonNode progress = await().until(() -> api.get("/api/v1/admin/reports/rebuild", admin),
				p -> p.has("finishedAt"));
		assertThat(progress.path("measured").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/reports/kpis?from=" + today + "&to=" + today, admin).path("totals")
			.path("conversations").asInt()).isEqualTo(1);
	}

	private void review(TestTenant tenant, UUID reviewId, double score, String at) {
		Instant when = Instant.parse(at);
		reviews.scored(new ReviewCompleted(tenant.id(), UUID.randomUUID(), reviewId,
				tenant.agent(0).id(), score, when), when.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate(),
				tenant.group().id(), tenant.group().centerId(), "web");
	}

	private static void assertRefused(Api.Response response, String code) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo(code);
	}

	private static JsonNode row(JsonNode rows, String label) {
		return rows.valueStream().filter(r -> r.path("label").asString().equals(label)).findFirst().orElseThrow();
	}

	private static Map<String, Integer> conversationsByLabel(JsonNode report) {
		return report.path("rows").valueStream().collect(java.util.stream.Collectors.toMap(
				r -> r.path("label").asString(), r -> r.path("figures").path("conversations").asInt()));
	}

	/** A fact to save, built up by what happened; every duration in seconds. */
	static final class Made {

		boolean served;
		boolean handedOver;
		boolean offered;
		boolean answered;
		boolean abandoned;
		@Nullable Long wait;
		@Nullable Long firstResponse;
		int responses;
		long responseTotal;
		@Nullable Long handle;
		@Nullable Long afterChatWork;
		int customer;
		int agent;
		int transfers;
		@Nullable Integer rating;

		Made assistant(boolean served, boolean handedOver) {
			this.served = served;
			this.handedOver = handedOver;
			this.offered = handedOver;
			return this;
		}

		Made answered(long wait, long firstResponse, int responses, long responseTotal, long handle) {
			this.offered = true;
			this.answered = true;
			this.wait = wait;
			this.firstResponse = firstResponse;
			this.responses = responses;
			this.responseTotal = responseTotal;
			this.handle = handle;
			return this;
		}

		Made abandoned() {
			this.offered = true;
			this.abandoned = true;
			return this;
		}

		Made afterChatWork(Long seconds) {
			this.afterChatWork = seconds;
			return this;
		}

		Made messages(int customer, int agent) {
			this.customer = customer;
			this.agent = agent;
			return this;
		}

		Made transfers(int transfers) {
			this.transfers = transfers;
			return this;
		}

		Made rating(int rating) {
			this.rating = rating;
			return this;
		}
	}

	private void save(TestTenant tenant, String day, @Nullable UUID agent, String channel,
			java.util.function.UnaryOperator<Made> story) {
		Made m = story.apply(new Made());
		Instant started = LocalDate.parse(day).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
		ConversationFact fact = new ConversationFact(UUID.randomUUID(), tenant.id(), tenant.group().id(), agent, channel,
				started, started.plusSeconds(600), m.served, m.handedOver, m.offered, m.answered, m.abandoned,
				m.responses > 0, m.transfers, seconds(m.wait), seconds(m.firstResponse), m.responses,
				Duration.ofSeconds(m.responseTotal), seconds(m.handle), seconds(m.afterChatWork), m.customer, m.agent,
				m.rating);
		ConversationFacts.Placed placed = new ConversationFacts.Placed(fact, LocalDate.parse(day),
				tenant.group().centerId());
		facts.save(placed, () -> placed);
	}

	private static @Nullable Duration seconds(@Nullable Long seconds) {
		return seconds == null ? null : Duration.ofSeconds(seconds);
	}
}
