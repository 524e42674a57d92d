package dev.kefu.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * A receiver that is down for a while, then back. Retries here wait an hour, so only the recovery can bring the
 * failed deliveries forward; and failures pile up past the limit in seconds, as they do under load, without the
 * endpoint being disabled, because they have not gone on for the grace period.
 */
@ServerTest
@TestPropertySource(properties = { "kefu.webhooks.allow-private-targets=true", "kefu.webhooks.poll-interval=100ms",
		"kefu.webhooks.retry-base=1h", "kefu.webhooks.settle=300ms", "kefu.webhooks.max-consecutive-failures=2" })
class WebhookRecoveryTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

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
	void aReceiverBackFromAnOutageGetsTheBacklogAtOnceAndStaysEnabled() {
		JsonNode endpoint = api.post(WebhookDeliveryTest.PATH, admin,
				Map.of("url", receiver.url(), "events", List.of("conversation.opened")));
		String path = WebhookDeliveryTest.PATH + "/" + endpoint.path("id").asString();
		receiver.otherwise(503);
		String agent = tenant.agentToken(api, 0);
		ServedChat first = ServedChat.start(api, tenant, agent);
		ServedChat second = ServedChat.start(api, tenant, agent);
		await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 2);
		assertThat(api.get(path, admin).path("enabled").asBoolean()).isTrue();

		receiver.otherwise(204);
		ServedChat third = ServedChat.start(api, tenant, agent);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> receiver.ofType("conversation.opened").stream()
				.map(r -> r.json().path("data").path("conversationId").asString())
				.distinct()
				.toList()
				.containsAll(List.of(first.id(), second.id(), third.id())));
		assertThat(api.get(path, admin).path("enabled").asBoolean()).isTrue();
	}
}
