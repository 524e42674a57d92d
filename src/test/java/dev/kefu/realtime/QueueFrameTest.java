package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** Every agent of a group hears about every queue change, so what they hear must not grow with the queue. */
@ServerTest
class QueueFrameTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void agentsHearTheLengthAndTheHeadOfALongQueue() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 1);
		String agentToken = tenant.agentToken(api, 0);
		api.status(agentToken, "ONLINE");
		try (LiveClient agent = LiveClient.authenticated(api.http(), port, agentToken)) {
			int chats = LiveFanOut.QUEUE_HEAD + 5;
			for (int i = 0; i < chats; i++) {
				api.startChat(api.visitor(tenant.slug()));
			}
			JsonNode frame = agent.next(f -> f.path("type").asString().equals("queue.group")
					&& f.path("waitingCount").asInt() == chats - 1, "queue.group with every waiting chat counted");
			assertThat(frame.path("waiting").valueStream().map(p -> p.path("position").asInt()))
				.containsExactlyElementsOf(IntStream.rangeClosed(1, LiveFanOut.QUEUE_HEAD).boxed().toList());
		}
	}
}
