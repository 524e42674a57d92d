package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Admins add an API channel in the console from its provider's schema, and the desk shows which channel each chat
 * came from: the web widget, or an API channel by its name.
 */
@BrowserTest
@TestPropertySource(properties = { "kefu.webhooks.allow-private-targets=true", "kefu.webhooks.poll-interval=100ms",
		"kefu.webhooks.retry-base=200ms", "kefu.webhooks.settle=300ms", "kefu.webhooks.max-consecutive-failures=3" })
class ChannelBadgeBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theDeskLabelsAWebChatAndAnApiChannelsChatWithTheirChannels() throws Exception {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		api.status(tenant.agentToken(api, 0), "ONLINE");
		// Nothing listens there: the callbacks fail and are retried, which this test does not look at.
		JsonNode channel = api.post("/api/v1/admin/channels", tenant.adminToken(api), Map.of("provider", "api",
				"name", "手机App", "configuration", Map.of("callbackUrl", "http://127.0.0.1:9/kefu")));
		api.startChat(api.visitor(tenant.slug()));
		String fromApp = postSigned(api, channel, """
				{"externalCustomerId":"app-7","externalMessageId":"m-1","text":"我的订单呢？","name":"王芳"}""")
			.path("conversationId").asString();

		try (Browser desk = Browser.open(1280, 800, "zh-CN")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.withText(By.cssSelector("#chats .chat-item .channel[data-channel=web]"), "网页");
			desk.withText(By.cssSelector("#chats .chat-item .channel[data-channel=api]"), "API · 手机App");
			desk.click(By.cssSelector("#chats .chat-item[data-conversation='" + fromApp + "']"));
			desk.withText(By.id("chat-channel"), "API · 手机App");
			assertThat(desk.consoleErrors()).isEmpty();
		}
	}

	@Test
	void anAdminAddsAnApiChannelFromItsSchemaAndSeesItsSecretOnce() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 0, 1);
		try (Browser admin = Browser.open(1280, 900, "zh-CN")) {
			admin.get(api.base() + "/admin/");
			admin.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			admin.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			admin.click(By.cssSelector("#login button[type=submit]"));
			admin.click(By.id("tab-channels"));
			admin.shown(By.cssSelector("#channel-list tr[data-provider=web]"));

			admin.type(By.cssSelector("#new-channel input[name=name]"), "小程序");
			admin.type(By.cssSelector("#new-channel input[name=callbackUrl]"), "http://127.0.0.1:9/kefu");
			admin.click(By.cssSelector("#new-channel button[type=submit]"));

			assertThat(admin.withText(By.id("channel-secret"), "whsec_").getText()).contains("小程序");
			admin.shown(By.cssSelector("#channel-list tr[data-provider=api]"));
			assertThat(admin.consoleErrors()).isEmpty();
		}
		JsonNode channels = api.get("/api/v1/admin/channels", tenant.adminToken(api));
		assertThat(channels.valueStream().map(c -> c.path("name").asString())).contains("小程序");
	}

	/** A bridge's signed message: docs/integrations.md, "Channels and the API channel". */
	private static JsonNode postSigned(Api api, JsonNode channel, String body) throws Exception {
		String secret = channel.path("secret").asString();
		String id = "msg_1";
		long timestamp = System.currentTimeMillis() / 1000;
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		String signature = "v1," + Base64.getEncoder()
			.encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		HttpResponse<String> response = api.http().send(HttpRequest.newBuilder(
				URI.create(api.base() + "/api/v1/channels/" + channel.path("id").asString() + "/messages"))
			.header("Content-Type", "application/json")
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Api.json.readTree(response.body());
	}
}
