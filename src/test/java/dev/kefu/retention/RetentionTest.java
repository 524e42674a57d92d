package dev.kefu.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.SettableClock;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * The retention job with the server's clock moved forward (#15): a dry run counts and changes nothing; a run deletes
 * or anonymizes what is older than the organization keeps, keeps what is newer and what is under legal hold, and
 * leaves the reports' figures as they were. The nightly job runs on the node holding the lease only.
 */
@ServerTest
@Import(RetentionTest.MovableClock.class)
class RetentionTest {

	@TestConfiguration
	static class MovableClock {

		@Bean
		@Primary
		SettableClock movableClock() {
			return new SettableClock(Instant.now());
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	SettableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;
	TestTenant tenant;

	@BeforeEach
	void organization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
	}

	/** A chat a named customer had, closed, with a left message the agent closed. */
	private record History(String conversation, String ticket, String contact) {
	}

	private History history(String name) {
		String agent = tenant.agentToken(api, 0);
		ServedChat chat = ServedChat.start(api, tenant, agent).customer("Question from " + name).agent("Answer");
		chat.close();
		String contact = api.put("/api/v1/visitor/profile", chat.visitor(), Map.of("name", name)).path("id").asString();
		String ticket = api.post("/api/v1/visitor/tickets", chat.visitor(), Map.of("clientMsgId", "t-" + name.replace(" ", "-"),
				"email", "c@example.com", "subject", "Subject of " + name, "body", "Body of " + name))
			.path("id").asString();
		api.post("/api/v1/tickets/" + ticket + "/close", agent, null);
		return new History(chat.id(), ticket, contact);
	}

	@Test
	void aDryRunCountsWhatARunThenDeletesKeepingNewDataHeldContactsAndReportFigures() {
		String admin = tenant.adminToken(api);
		History old = history("Old Customer");
		History held = history("Held Customer");
		api.put("/api/v1/contacts/" + held.contact() + "/legal-hold", admin, Map.of("reason", "Dispute 7"));
		settle();
		clock.advance(Duration.ofDays(40));
		admin = tenant.adminToken(api);
		String agent = tenant.agentToken(api, 0);
		History fresh = history("New Customer");
		api.put("/api/v1/admin/retention", admin,
				Map.of("conversationDays", 30, "ticketDays", 30, "visitorDays", 30, "mode", "DELETE"));
		settle();
		JsonNode reportBefore = report(admin);

		JsonNode dry = api.post("/api/v1/admin/retention/dry-run", admin, null);

		assertThat(counts(dry)).isEqualTo(Map.of("CONVERSATIONS", 1L, "TICKETS", 1L, "VISITORS", 1L));
		assertThat(api.get("/api/v1/conversations/" + old.conversation() + "/messages?after=0", agent).toString())
			.contains("Question from Old Customer");
		assertThat(api.call("GET", "/api/v1/tickets/" + old.ticket(), agent, null).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/contacts/" + old.contact(), agent).path("name").asString())
			.isEqualTo("Old Customer");

		JsonNode ran = api.post("/api/v1/admin/retention/run", admin, null);

		assertThat(counts(ran)).isEqualTo(counts(dry));
		assertThat(api.call("GET", "/api/v1/conversations/" + old.conversation(), agent, null).status())
			.isEqualTo(404);
		assertThat(api.call("GET", "/api/v1/tickets/" + old.ticket(), agent, null).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/contacts/" + old.contact(), agent).path("name").isMissingNode()).isTrue();
		for (History kept : List.of(held, fresh)) {
			assertThat(api.get("/api/v1/conversations/" + kept.conversation() + "/messages?after=0", agent)
				.toString()).contains("Question from");
			assertThat(api.call("GET", "/api/v1/tickets/" + kept.ticket(), agent, null).status()).isEqualTo(200);
		}
		assertThat(api.get("/api/v1/contacts/" + held.contact(), agent).path("name").asString())
			.isEqualTo("Held Customer");
		settle();
		assertThat(report(admin)).isEqualTo(reportBefore);
		assertThat(counts(api.post("/api/v1/admin/retention/dry-run", admin, null)))
			.isEqualTo(Map.of("CONVERSATIONS", 0L, "TICKETS", 0L, "VISITORS", 0L));
		JsonNode settings = api.get("/api/v1/admin/retention", admin);
		assertThat(settings.path("lastRunCounts").path("CONVERSATIONS").asLong()).isEqualTo(1);
		assertThat(api.get("/api/v1/admin/audit", admin).toString()).contains("retention.ran");
	}

	@Test
	void theNightlyJobAnonymizesOnTheNodeHoldingTheLeaseOnly() {
		String admin = tenant.adminToken(api);
		History old = history("Anonymous Later");
		settle();
		clock.advance(Duration.ofDays(40));
		admin = tenant.adminToken(api);
		String agent = tenant.agentToken(api, 0);
		api.put("/api/v1/admin/retention", admin, Map.of("conversationDays", 30, "ticketDays", 30, "mode", "ANONYMIZE"));
		RetentionJob job = context.getBean(RetentionJob.class);
		jdbc.sql("UPDATE retention_lease SET lease_owner = 'another-node', lease_until = ? WHERE id = 1")
			.param(clock.instant().plus(Duration.ofMinutes(5)).atOffset(ZoneOffset.UTC))
			.update();

		assertThat(job.runIfFirst()).as("another node holds the lease").isFalse();
		assertThat(api.get("/api/v1/conversations/" + old.conversation() + "/messages?after=0", agent).toString())
			.contains("Question from Anonymous Later");

		clock.advance(Duration.ofMinutes(6));
		assertThat(job.runIfFirst()).as("the lease ran out").isTrue();

		JsonNode conversation = api.get("/api/v1/conversations/" + old.conversation(), agent);
		assertThat(conversation.path("state").asString()).isEqualTo("CLOSED");
		List<String> texts = api.get("/api/v1/conversations/" + old.conversation() + "/messages?after=0", agent)
			.valueStream()
			.filter(m -> !m.path("sender").path("type").asString().equals("SYSTEM"))
			.map(m -> m.path("text").asString())
			.toList();
		assertThat(texts).hasSize(2).containsOnly("[erased]");
		JsonNode ticket = api.get("/api/v1/tickets/" + old.ticket(), agent);
		assertThat(ticket.toString()).doesNotContain("Anonymous Later", "c@example.com");
		assertThat(api.get("/api/v1/contacts/" + old.contact(), agent).path("name").asString())
			.as("visitors are kept forever here").isEqualTo("Anonymous Later");
	}

	@Test
	void settingsAreCheckedAndForAdminsOnly() {
		String admin = tenant.adminToken(api);

		assertThat(api.get("/api/v1/admin/retention", admin).path("conversationDays").isMissingNode()).isTrue();
		assertThat(api.call("PUT", "/api/v1/admin/retention", admin, Map.of("conversationDays", 0, "mode", "DELETE"))
			.code()).isEqualTo("invalid-conversation-days");
		assertThat(api.call("PUT", "/api/v1/admin/retention", admin, Map.of("ticketDays", 40000, "mode", "DELETE"))
			.code()).isEqualTo("invalid-ticket-days");
		assertThat(api.call("PUT", "/api/v1/admin/retention", admin, Map.of("visitorDays", 30)).code())
			.isEqualTo("invalid-mode");
		assertThat(api.call("PUT", "/api/v1/admin/retention", admin, Map.of("mode", "SHRED")).status())
			.isEqualTo(400);
		assertThat(api.call("GET", "/api/v1/admin/retention", tenant.agentToken(api, 0), null).status())
			.isEqualTo(403);
		assertThat(api.call("POST", "/api/v1/admin/retention/dry-run", tenant.agentToken(api, 0), null).status())
			.isEqualTo(403);
	}

	private void settle() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
				.query(Long.class)
				.single() == 0);
	}

	private JsonNode report(String admin) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return api.get("/api/v1/reports/kpis?from=" + today.minusDays(45) + "&to=" + today.plusDays(2), admin)
			.path("totals");
	}

	private static Map<String, Long> counts(JsonNode node) {
		Map<String, Long> counts = new HashMap<>();
		node.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
		return counts;
	}
}
