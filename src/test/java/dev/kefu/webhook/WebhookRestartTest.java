package dev.kefu.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.KefuNode;
import dev.kefu.testing.Receiver;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * A delivery that failed on a node that then stopped is retried, with the same id, by a node started afterwards on the
 * same database. The test's own node sends nothing (it polls once an hour), so the sending is all the other nodes'.
 */
@ServerTest
@TestPropertySource(properties = { "kefu.webhooks.allow-private-targets=true", "kefu.webhooks.poll-interval=1h" })
class WebhookRestartTest {

	/** A sending node: a search index of its own, as in production, and quick polls and retries. */
	private ConfigurableApplicationContext sender(String name) {
		return KefuNode.besides(environment, Map.of("kefu.webhooks.allow-private-targets", "true",
				"kefu.webhooks.poll-interval", "100ms", "kefu.webhooks.retry-base", "1s", "kefu.webhooks.settle", "0s",
				"kefu.knowledge.index-dir", environment.getRequiredProperty("kefu.data-dir") + "/index/" + name));
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	Receiver receiver;

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void aFailedDeliveryIsRetriedByTheNodeThatStartsNext() throws Exception {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		receiver = new Receiver().answer(500);
		JsonNode endpoint = api.post("/api/v1/admin/webhooks", admin,
				Map.of("url", receiver.url(), "events", List.of("conversation.opened")));
		String log = "/api/v1/admin/webhooks/" + endpoint.path("id").asString() + "/deliveries";

		ConfigurableApplicationContext first = sender("first");
		try {
			ServedChat.start(api, tenant, tenant.agentToken(api, 0));
			await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() == 1);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> api.get(log, admin).get(0).path("responseStatus").asInt() == 500);
		}
		finally {
			first.close();
		}
		assertThat(api.get(log, admin).get(0).path("status").asString()).isEqualTo("PENDING");

		ConfigurableApplicationContext next = sender("next");
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
			assertThat(receiver.received().get(1).id()).isEqualTo(receiver.received().getFirst().id());
			JsonNode delivered = await().atMost(Duration.ofSeconds(5))
				.until(() -> api.get(log, admin).get(0), d -> d.path("status").asString().equals("DELIVERED"));
			assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
		}
		finally {
			next.close();
		}
	}
}
