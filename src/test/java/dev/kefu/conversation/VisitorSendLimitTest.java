package dev.kefu.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/** One customer's message budget holds on every path: HTTP, WebSocket and leave-a-message alike. */
@ServerTest
class VisitorSendLimitTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void parallelHttpSendsFromOneVisitorAreLimitedLikeWebSocketOnes() throws Exception {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		ServedChat served = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		String visitor = served.visitor();
		String chat = served.id();
		String path = "/api/v1/conversations/" + chat + "/messages";

		long started = System.nanoTime();
		List<Api.Response> answers;
		try (ExecutorService senders = Executors.newFixedThreadPool(30)) {
			List<Callable<Api.Response>> sends = IntStream.range(0, 60)
				.<Callable<Api.Response>>mapToObj(i -> () -> api.call("POST", path, visitor,
						Map.of("clientMsgId", "flood-" + i, "text", "message " + i)))
				.toList();
			answers = senders.invokeAll(sends).stream().map(VisitorSendLimitTest::get).toList();
		}
		double seconds = (System.nanoTime() - started) / 1e9;

		long stored = answers.stream().filter(a -> a.status() == 201).count();
		assertThat(answers).filteredOn(a -> a.status() != 201)
			.isNotEmpty()
			.allSatisfy(a -> assertThat(a.code()).isEqualTo("rate-limited"));
		assertThat(stored).isLessThanOrEqualTo(10 + (long) Math.ceil(5 * seconds));
		assertThat(api.get(path + "?after=0&limit=500", visitor).valueStream()
			.filter(m -> m.path("clientMsgId").asString().startsWith("flood-"))).hasSize((int) stored);

		// The same budget, right after: a few more over WebSocket find it (nearly) spent.
		try (LiveClient socket = LiveClient.authenticated(api.http(), port, visitor)) {
			for (int i = 0; i < 6; i++) {
				socket.send("{\"type\":\"send\",\"id\":\"ws-" + i + "\",\"conversationId\":\"" + chat
						+ "\",\"clientMsgId\":\"ws-" + i + "\",\"text\":\"and one more\"}");
			}
			assertThat(socket.next("error").path("code").asString()).isEqualTo("rate-limited");
		}
	}

	private static Api.Response get(Future<Api.Response> answer) {
		try {
			return answer.get();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
