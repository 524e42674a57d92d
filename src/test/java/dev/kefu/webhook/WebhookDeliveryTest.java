package dev.kefu.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.Receiver;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks reach a real HTTP receiver: signed, retried, never twice once acknowledged, in order per conversation, one
 * node per attempt, once per event.
 */
@ServerTest
@TestPropertySource(properties = { "kefu.webhooks.allow-private-targets=true", "kefu.webhooks.poll-interval=100ms",
		"kefu.webhooks.retry-base=200ms", "kefu.webhooks.settle=300ms", "kefu.webhooks.max-consecutive-failures=3",
		"kefu.webhooks.disable-grace=0s" })
class WebhookDeliveryTest {

	static final String PATH = "/api/v1/admin/webhooks";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Endpoints endpoints;

	@Autowired
	Outbox outbox;

	Api api;
	TestTenant tenant;
	String admin;
	Receiver receiver;

	@BeforeEach
	void organizationAndReceiver() throws Exception {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		receiver = new Receiver();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void aDeliveryCarriesAStandardWebhooksSignatureMadeWithTheEndpointsSecret() throws Exception {
		JsonNode endpoint = register("conversation.opened", "conversation.assigned");
		String secret = endpoint.path("secret").asString();
		assertThat(secret).startsWith("whsec_");

		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));

		await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 2);
		Receiver.Received opened = receiver.ofType("conversation.opened").getFirst();
		assertThat(opened.signature()).isEqualTo(expectedSignature(secret, opened));
		assertThat(opened.json().path("data").path("conversationId").asString()).isEqualTo(chat.id());
		assertThat(Long.parseLong(opened.timestamp())).isCloseTo(System.currentTimeMillis() / 1000,
				org.assertj.core.data.Offset.offset(30L));
		assertThat(receiver.ofType("conversation.assigned")).hasSize(1);
	}

	@Test
	void aDeliveryTheReceiverFailsIsRetriedWithTheSameIdUntilAcknowledged() {
		JsonNode endpoint = register("conversation.opened");
		receiver.answer(500, 500);

		ServedChat.start(api, tenant, tenant.agentToken(api, 0));

		await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() >= 3);
		assertThat(receiver.received()).extracting(Receiver.Received::id).containsOnly(receiver.received().getFirst().id());
		JsonNode delivery = await().atMost(Duration.ofSeconds(5))
			.until(() -> deliveries(endpoint).get(0), d -> d.path("status").asString().equals("DELIVERED"));
		assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
		assertThat(delivery.path("responseStatus").asInt()).isEqualTo(204);
		assertThat(delivery.path("id").asString()).isEqualTo(receiver.received().getFirst().id());
	}

	@Test
	void anAcknowledgedDeliveryIsNeverSentAgainUnlessAnAdminAsks() {
		JsonNode endpoint = register("conversation.opened");

		ServedChat.start(api, tenant, tenant.agentToken(api, 0));

		await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> receiver.received().size() == 1);
		String id = receiver.received().getFirst().id();

		api.post(PATH + "/" + endpoint.path("id").asString() + "/deliveries/" + id + "/redeliver", admin, null);

		await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
		assertThat(receiver.received().get(1).id()).isEqualTo(id);
		assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().getFirst().body());
	}

	@Test
	void messagesOfOneConversationArriveInOrderEvenWhenOneMustBeRetried() {
		register("message.created");
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		receiver.answer(500);

		for (int i = 1; i <= 5; i++) {
			chat.customer("question " + i).agent("answer " + i);
		}

		await().atMost(Duration.ofSeconds(20))
			.until(() -> receiver.ofType("message.created").stream().map(r -> r.json().path("data").path("text").asString())
				.filter(text -> text.startsWith("question") || text.startsWith("answer")).distinct().count() == 10);
		List<Long> arrived = receiver.ofType("message.created").stream()
			.map(r -> r.json().path("data").path("seq").asLong())
			.toList();
		assertThat(arrived).isSorted();
		assertThat(arrived).containsAll(chat.seqs());
		assertThat(arrived.size()).isEqualTo(arrived.stream().distinct().count() + 1);
	}

	@Test
	void anEndpointThatKeepsFailingIsDisabledWithTheReason() {
		JsonNode endpoint = register("conversation.opened");
		receiver.otherwise(503);

		ServedChat.start(api, tenant, tenant.agentToken(api, 0));

		JsonNode disabled = await().atMost(Duration.ofSeconds(15))
			.until(() -> api.get(PATH + "/" + endpoint.path("id").asString(), admin), e -> !e.path("enabled").asBoolean());
		assertThat(disabled.path("disabledReason").asString()).contains("HTTP 503");
		assertThat(receiver.received()).hasSize(3);
	}

	@Test
	void aChangedContactProfileIsSentAsItNowIs() {
		register("contact.updated");
		String visitor = api.visitor(tenant.slug());

		api.put("/api/v1/visitor/profile", visitor, Map.of("name", "Wang Fang", "email", "wang@example.com"));

		await().atMost(Duration.ofSeconds(10)).until(() -> receiver.ofType("contact.updated").size() == 1);
		JsonNode data = receiver.ofType("contact.updated").getFirst().json().path("data");
		assertThat(data.path("name").asString()).isEqualTo("Wang Fang");
		assertThat(data.path("email").asString()).isEqualTo("wang@example.com");
	}

	@Test
	void nodesRacingForOneAttemptLeaveItToExactlyOne() throws Exception {
		JsonNode registered = api.post(PATH, admin,
				Map.of("url", receiver.url(), "events", List.of("ticket.opened"), "enabled", false));
		Endpoint endpoint = endpoints.require(tenant.id(), UUID.fromString(registered.path("id").asString()));
		UUID ticket = UUID.randomUUID();
		outbox.enqueue(new Outbox.Event(tenant.id(), WebhookEvent.TICKET_OPENED, "ticket.opened:" + ticket, ticket,
				Instant.now(), 0, Map.of("ticketId", ticket)), List.of(endpoint));
		outbox.enqueue(new Outbox.Event(tenant.id(), WebhookEvent.TICKET_OPENED, "ticket.opened:" + ticket, ticket,
				Instant.now(), 0, Map.of("ticketId", ticket)), List.of(endpoint));
		UUID delivery = UUID.fromString(deliveries(registered).getFirst().path("id").asString());

		List<Callable<Boolean>> racers = Collections.nCopies(8, () -> outbox.claim(delivery).isPresent());
		List<Boolean> won;
		try (ExecutorService nodes = Executors.newFixedThreadPool(8)) {
			won = nodes.invokeAll(racers).stream().map(Future::resultNow).toList();
		}

		assertThat(won).containsOnlyOnce(true);
		assertThat(deliveries(registered)).hasSize(1);
	}

	private JsonNode register(String... events) {
		return api.post(PATH, admin, Map.of("url", receiver.url(), "events", List.of(events)));
	}

	private List<JsonNode> deliveries(JsonNode endpoint) {
		JsonNode log = api.get(PATH + "/" + endpoint.path("id").asString() + "/deliveries", admin);
		return log.valueStream().toList();
	}

	/** What the docs tell receivers to do: HMAC-SHA256 of id.timestamp.body with the base64 key after whsec_. */
	private static String expectedSignature(String secret, Receiver.Received request) throws Exception {
		byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		String signed = request.id() + "." + request.timestamp() + "." + request.body();
		return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
	}
}
