package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * The agents of a group hear of a left message that waits for an answer, as they hear of a new chat; the customer
 * hears of the answer, and nobody else does.
 */
@ServerTest
class TicketFrameTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void agentsOfTheGroupHearOfANewLeftMessageAndOfTheCustomerWritingAgain() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		TestTenant elsewhere = TestTenant.create(context, 1, 3);
		String customer = api.visitor(tenant.slug());
		try (LiveClient agent = LiveClient.authenticated(api.http(), port, tenant.agentToken(api, 0));
				LiveClient stranger = LiveClient.authenticated(api.http(), port, elsewhere.agentToken(api, 0))) {
			String ticketId = api.post("/api/v1/visitor/tickets", customer, Map.of("clientMsgId", "t-1", "email",
					"wang@example.com", "body", "Please send the invoice again")).path("id").asString();

			JsonNode opened = agent.next("ticket");
			assertThat(opened.path("event").asString()).isEqualTo("opened");
			assertThat(opened.path("ticketId").asString()).isEqualTo(ticketId);
			assertThat(opened.path("groupId").asString()).isEqualTo(tenant.group().id().toString());

			api.post("/api/v1/visitor/tickets/" + ticketId + "/messages", customer,
					Map.of("clientMsgId", "t-2", "body", "And the one for May"));
			JsonNode followedUp = agent.next("ticket");
			assertThat(followedUp.path("event").asString()).isEqualTo("followed-up");
			assertThat(followedUp.path("ticketId").asString()).isEqualTo(ticketId);

			for (JsonNode frame = stranger.poll(Duration.ofMillis(300)); frame != null;
					frame = stranger.poll(Duration.ofMillis(300))) {
				assertThat(frame.path("type").asString()).isNotEqualTo("ticket");
			}
		}
	}

	@Test
	void customerHearsOfTheAnswerOnTheirOwnConnectionAndAnotherVisitorCanNeitherHearNorReadIt() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String customer = api.visitor(tenant.slug());
		String other = api.visitor(tenant.slug());
		String agent = tenant.agentToken(api, 0);
		String ticketId = api.post("/api/v1/visitor/tickets", customer, Map.of("clientMsgId", "t-1", "email",
				"wang@example.com", "body", "Do you ship on Sundays?")).path("id").asString();
		try (LiveClient widget = LiveClient.authenticated(api.http(), port, customer);
				LiveClient stranger = LiveClient.authenticated(api.http(), port, other)) {
			api.post("/api/v1/tickets/" + ticketId + "/answers", agent,
					Map.of("clientMsgId", "a-1", "body", "Yes, on Sundays too."));

			JsonNode answered = widget.next("ticket");
			assertThat(answered.path("event").asString()).isEqualTo("answered");
			assertThat(answered.path("ticketId").asString()).isEqualTo(ticketId);
			assertThat(answered.path("groupId").isMissingNode()).as("staff details stay inside").isTrue();
			JsonNode ticket = api.get("/api/v1/visitor/tickets/" + answered.path("ticketId").asString(), customer);
			assertThat(ticket.path("state").asString()).isEqualTo("ANSWERED");
			assertThat(ticket.path("thread").get(1).path("body").asString()).isEqualTo("Yes, on Sundays too.");

			for (JsonNode frame = stranger.poll(Duration.ofMillis(300)); frame != null;
					frame = stranger.poll(Duration.ofMillis(300))) {
				assertThat(frame.path("type").asString()).isNotEqualTo("ticket");
			}
		}
		assertThat(api.call("GET", "/api/v1/visitor/tickets/" + ticketId, other, null).status()).isEqualTo(404);
		assertThat(api.call("POST", "/api/v1/visitor/tickets/" + ticketId + "/messages", other,
				Map.of("clientMsgId", "x-1", "body", "Mine now?")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/visitor/tickets/" + ticketId, customer).path("thread").size()).isEqualTo(2);
	}
}
