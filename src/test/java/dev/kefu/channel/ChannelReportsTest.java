package dev.kefu.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Chats that came by e-mail and by WeChat count in the reports like web chats, each under its own channel, so a
 * supervisor sees how much of the work each channel brings.
 */
@ServerTest
class ChannelReportsTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CustomerMessages inbound;

	@Autowired
	Channels channels;

	@Test
	void reportsSplitByChannelCountEmailAndWechatChatsApart() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		// Nothing listens at these servers: the mailbox reader retries quietly while the test runs.
		ChannelInstance email = channel(api, admin, "email", Map.of("address", "help@shop.example",
				"imapHost", "127.0.0.1", "imapPort", 1, "imapUser", "help", "imapPassword", "secret",
				"smtpHost", "127.0.0.1", "smtpPort", 1), tenant);
		ChannelInstance wechat = channel(api, admin, "wechat-mp", Map.of("appId", "wx1234567890abcdef",
				"appSecret", "s3cr3t", "token", "kefutoken", "apiBaseUrl", "http://127.0.0.1:1"), tenant);

		served(api, agent, inbound.receive(email,
				new CustomerMessages.Incoming("li.na@example.com", "<q1@example.com>", "发票怎么开？")));
		served(api, agent, inbound.receive(email,
				new CustomerMessages.Incoming("wang@example.com", "<q2@example.com>", "Refund please")));
		served(api, agent, inbound.receive(wechat,
				new CustomerMessages.Incoming("oOpenId_1", "wx-msg-1", "你好")));

		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		Map<String, Integer> byChannel = await().atMost(Duration.ofSeconds(20))
			.until(() -> conversationsByKey(api.get("/api/v1/reports/kpis?from=" + today + "&to=" + tomorrow
					+ "&period=month&by=channel", admin)), counts -> counts.size() >= 2);
		assertThat(byChannel).containsEntry("email", 2).containsEntry("wechat-mp", 1);
		JsonNode emailOnly = api.get("/api/v1/reports/kpis?from=" + today + "&to=" + tomorrow
				+ "&period=month&channel=email", admin);
		assertThat(emailOnly.path("totals").path("conversations").asInt()).isEqualTo(2);
	}

	private ChannelInstance channel(Api api, String admin, String provider, Map<String, Object> settings,
			TestTenant tenant) {
		JsonNode made = api.post("/api/v1/admin/channels", admin,
				Map.of("provider", provider, "name", provider, "configuration", settings));
		return channels.require(tenant.id(), UUID.fromString(made.path("id").asString()));
	}

	/** The agent takes the chat and closes it, so it is measured. */
	private static void served(Api api, String agent, CustomerMessages.Received received) {
		String conversation = received.conversationId().toString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/" + conversation, agent).path("state").asString(),
					"ASSIGNED"::equals);
		api.post("/api/v1/conversations/" + conversation + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "Done."));
		api.post("/api/v1/conversations/" + conversation + "/close", agent, Map.of("reason", "resolved"));
	}

	private static Map<String, Integer> conversationsByKey(JsonNode report) {
		return report.path("rows").valueStream().collect(Collectors.toMap(r -> r.path("key").asString(),
				r -> r.path("figures").path("conversations").asInt(), Integer::sum));
	}
}
