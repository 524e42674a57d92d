package dev.kefu.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * A channel that sends to its customers itself (as e-mail and WeChat do) gets what agents write through the send
 * queue: in order, retried when it fails for a while, failed at once with the channel's reason when no retry can
 * help, and each message's state on the desk. Its customers' messages come in through the inbound path every channel
 * with customer ids takes. The channel here is a recording fake, so the queue's rules are what is tested.
 */
@ServerTest
@Import(ChannelSendQueueTest.FakeChannelConfiguration.class)
@TestPropertySource(properties = { "kefu.channels.send-interval=100ms", "kefu.channels.retry-base=200ms" })
class ChannelSendQueueTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CustomerMessages inbound;

	@Autowired
	Channels channels;

	@Autowired
	FakeChannel fake;

	@Autowired
	Deliveries deliveries;

	Api api;
	TestTenant tenant;
	String admin;
	String agent;
	ChannelInstance channel;

	@BeforeEach
	void organizationWithAQueuedChannel() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		fake.reset();
		JsonNode made = api.post("/api/v1/admin/channels", admin,
				Map.of("provider", FakeChannel.ID, "name", "Fake mail", "configuration", Map.of("server", "ok")));
		channel = channels.require(tenant.id(), UUID.fromString(made.path("id").asString()));
	}

	@Test
	void anAgentsReplyIsDeliveredByTheChannelAndShownSentOnTheDesk() {
		String conversation = customerWrites("alice@example.com", "<m1@example.com>", "Where is my parcel?");

		UUID reply = agentWrites(conversation, "It left today.");

		await().atMost(Duration.ofSeconds(10)).until(() -> fake.delivered(reply) != null);
		assertThat(fake.delivered(reply).customer()).isEqualTo("alice@example.com");
		JsonNode delivery = await().atMost(Duration.ofSeconds(5))
			.until(() -> deliveryOf(conversation, reply), d -> d != null && d.path("status").asString().equals("SENT"));
		assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
		assertThat(deliveries.externalId(channel.id(), reply)).contains("sent-" + reply);
		assertThat(deliveries.messageOf(channel.id(), "sent-" + reply)).contains(reply);
	}

	@Test
	void aPassingFailureIsRetriedAndTheNextMessageWaitsForTheEarlierOne() {
		String conversation = customerWrites("bob@example.com", "<m2@example.com>", "Hello?");
		fake.failNext(2);

		UUID first = agentWrites(conversation, "first");
		UUID second = agentWrites(conversation, "second");

		await().atMost(Duration.ofSeconds(15)).until(() -> fake.delivered(second) != null);
		assertThat(fake.order()).containsSubsequence(first, second);
		assertThat(deliveryOf(conversation, first).path("attempts").asInt()).isEqualTo(3);
		assertThat(deliveryOf(conversation, first).path("status").asString()).isEqualTo("SENT");
	}

	@Test
	void aPermanentFailureMarksTheMessageFailedAtOnceWithTheChannelsReason() {
		String conversation = customerWrites("carol@example.com", "<m3@example.com>", "Hi");
		fake.refuseWith("the customer last wrote more than 48 hours ago");

		UUID reply = agentWrites(conversation, "Sorry for the wait");

		JsonNode delivery = await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveryOf(conversation, reply), d -> d != null && d.path("status").asString().equals("FAILED"));
		assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
		assertThat(delivery.path("error").asString()).isEqualTo("the customer last wrote more than 48 hours ago");
		assertThat(fake.delivered(reply)).isNull();
	}

	@Test
	void aBounceLearnedLaterMarksTheSentMessageFailed() {
		String conversation = customerWrites("dave@example.com", "<m4@example.com>", "Hi");
		UUID reply = agentWrites(conversation, "Here you are");
		await().atMost(Duration.ofSeconds(10)).until(() -> fake.delivered(reply) != null);

		assertThat(deliveries.failedLater(channel.id(), "sent-" + reply, "550 mailbox unavailable")).isTrue();

		JsonNode delivery = deliveryOf(conversation, reply);
		assertThat(delivery.path("status").asString()).isEqualTo("FAILED");
		assertThat(delivery.path("error").asString()).isEqualTo("550 mailbox unavailable");
		assertThat(deliveries.failedLater(channel.id(), "never-sent", "x")).isFalse();
	}

	@Test
	void theCustomersMessageDeliveredTwiceIsStoredOnceAndItsFileKept() {
		CustomerMessages.Incoming message = new CustomerMessages.Incoming("erin@example.com", "<same@example.com>",
				"see the receipt", List.of(new CustomerMessages.IncomingFile("receipt.txt", "text/plain",
						"paid 12.50".getBytes())), null, null);

		CustomerMessages.Received first = inbound.receive(channel, message);
		CustomerMessages.Received again = inbound.receive(channel, message);

		assertThat(again.duplicate()).isTrue();
		assertThat(again.messageId()).isEqualTo(first.messageId());
		JsonNode messages = api.get("/api/v1/conversations/" + first.conversationId() + "/messages?after=0", agent);
		assertThat(messages.valueStream().filter(m -> m.path("sender").path("type").asString().equals("CONTACT")))
			.singleElement()
			.satisfies(m -> assertThat(m.path("attachments").get(0).path("name").asString()).isEqualTo("receipt.txt"));
	}

	@Test
	void aFileTheAttachmentRulesRefuseIsNamedInTheTextAndTheMessageKept() {
		CustomerMessages.Received received = inbound.receive(channel, new CustomerMessages.Incoming("frank@example.com",
				"<exe@example.com>", "my invoice", List.of(new CustomerMessages.IncomingFile("invoice.exe",
						"application/octet-stream", new byte[] { 0x4d, 0x5a, 0, 0 })), null, null));

		JsonNode message = api.get("/api/v1/conversations/" + received.conversationId() + "/messages?after=0", agent)
			.valueStream()
			.filter(m -> m.path("id").asString().equals(received.messageId().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(message.path("text").asString()).startsWith("my invoice\n[invoice.exe: ");
		assertThat(message.path("attachments").isEmpty()).isTrue();
	}

	@Test
	void testingTheConnectionSaysWhatTheChannelFoundForUnsavedAndSavedSettings() {
		JsonNode unsaved = api.post("/api/v1/admin/channel-checks", admin,
				Map.of("provider", FakeChannel.ID, "configuration", Map.of("server", "down")));
		JsonNode saved = api.post("/api/v1/admin/channel-checks", admin, Map.of("id", channel.id().toString()));

		assertThat(unsaved.path("ok").asBoolean()).isFalse();
		assertThat(unsaved.path("detail").asString()).isEqualTo("server down refused the connection");
		assertThat(saved.path("ok").asBoolean()).isTrue();
		assertThat(api.call("POST", "/api/v1/admin/channel-checks", admin, Map.of("provider", FakeChannel.ID,
				"configuration", Map.of("nope", 1))).status()).isEqualTo(400);
		TestTenant other = TestTenant.create(context, 1, 5);
		assertThat(api.call("POST", "/api/v1/admin/channel-checks", other.adminToken(api),
				Map.of("id", channel.id().toString())).status()).isEqualTo(404);
		assertThat(api.call("GET", "/api/v1/conversations/" + UUID.randomUUID() + "/deliveries", agent, null).status())
			.isEqualTo(404);
	}

	private String customerWrites(String customer, String messageId, String text) {
		CustomerMessages.Received received = inbound.receive(channel,
				new CustomerMessages.Incoming(customer, messageId, text));
		String conversation = received.conversationId().toString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/" + conversation, agent).path("state").asString(),
					"ASSIGNED"::equals);
		return conversation;
	}

	private UUID agentWrites(String conversation, String text) {
		JsonNode sent = api.post("/api/v1/conversations/" + conversation + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", text));
		return UUID.fromString(sent.path("id").asString());
	}

	private @Nullable JsonNode deliveryOf(String conversation, UUID message) {
		return api.get("/api/v1/conversations/" + conversation + "/deliveries", agent)
			.valueStream()
			.filter(d -> d.path("messageId").asString().equals(message.toString()))
			.findFirst()
			.orElse(null);
	}

	@TestConfiguration
	static class FakeChannelConfiguration {

		@Bean
		FakeChannel fakeChannel() {
			return new FakeChannel();
		}
	}

	/** A queued channel that records what it delivers, failing when told to. */
	static class FakeChannel implements ChannelProvider {

		static final String ID = "fake-queued";

		record Sent(UUID messageId, String customer, String text) {
		}

		private final Map<UUID, Sent> sent = new java.util.concurrent.ConcurrentHashMap<>();
		private final Queue<UUID> order = new ConcurrentLinkedQueue<>();
		private final AtomicInteger failures = new AtomicInteger();
		private volatile @Nullable String refusal;

		@Autowired
		CustomerMessages customers;

		@Override
		public String id() {
			return ID;
		}

		@Override
		public String displayName() {
			return "Fake";
		}

		@Override
		public List<ConfigProperty> configuration() {
			return List.of(ConfigProperty.required("server", "Server", ConfigProperty.Type.STRING));
		}

		@Override
		public @Nullable String inboundPath() {
			return null;
		}

		@Override
		public boolean sendsOut() {
			return true;
		}

		@Override
		public boolean queued() {
			return true;
		}

		@Override
		public @Nullable String deliver(ChannelInstance instance, Outbound outbound) {
			if (!(outbound instanceof Outbound.Message m) || m.senderType() != dev.kefu.conversation.ParticipantType.AGENT) {
				return null;
			}
			if (refusal != null) {
				throw DeliveryFailed.permanent(refusal);
			}
			if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				throw new IllegalStateException("connection reset");
			}
			String customer = customers.externalCustomerId(instance, m.contactId()).orElseThrow();
			sent.put(m.messageId(), new Sent(m.messageId(), customer, m.text()));
			order.add(m.messageId());
			return "sent-" + m.messageId();
		}

		@Override
		public ConnectionCheck check(ChannelInstance instance) {
			String server = instance.setting("server");
			return "ok".equals(server) ? ConnectionCheck.ok("server ok answered")
					: ConnectionCheck.failed("server " + server + " refused the connection");
		}

		@Nullable
		Sent delivered(UUID messageId) {
			return sent.get(messageId);
		}

		List<UUID> order() {
			return List.copyOf(order);
		}

		void failNext(int times) {
			failures.set(times);
		}

		void refuseWith(String reason) {
			refusal = reason;
		}

		void reset() {
			refusal = null;
			failures.set(0);
		}
	}
}
