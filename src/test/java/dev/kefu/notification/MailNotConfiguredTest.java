package dev.kefu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** Without spring.mail.host the features that would mail say so, and nothing fails or waits for a server. */
@ServerTest
class MailNotConfiguredTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void screensSayEmailIsNotConfiguredAndNothingIsQueued() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String agent = tenant.agentToken(api, 0);
		Api.Response left = api.call("POST", "/api/v1/visitor/tickets", api.visitor(tenant.slug()),
				Map.of("clientMsgId", "m-1", "body", "Hello?", "email", "wang@example.com"));
		String ticket = left.body().path("id").asString();
		api.post("/api/v1/tickets/" + ticket + "/answers", agent, Map.of("clientMsgId", "a-1", "body", "Hi."));

		JsonNode delivery = api.get("/api/v1/tickets/" + ticket + "/mail", agent);
		assertThat(delivery.path("emailed").asBoolean()).isFalse();
		assertThat(delivery.path("reason").asString()).isEqualTo("mail-not-configured");
		assertThat(delivery.path("address").asString()).isEqualTo("wang@example.com");
		assertThat(delivery.path("mails").isEmpty()).isTrue();

		ServedChat chat = ServedChat.start(api, tenant, agent);
		chat.customer("Hello").close();
		String path = "/api/v1/visitor/conversations/" + chat.id() + "/transcript/email";
		assertThat(api.get(path, chat.visitor()).path("configured").asBoolean()).isFalse();
		Api.Response refused = api.call("POST", path, chat.visitor(), Map.of("email", "wang@example.com"));
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.code()).isEqualTo("mail-not-configured");

		JsonNode alerts = api.get("/api/v1/admin/groups/" + tenant.group().id() + "/mail-alerts",
				tenant.adminToken(api));
		assertThat(alerts.path("configured").asBoolean()).isFalse();
		assertThat(alerts.path("enabled").asBoolean()).isFalse();
	}

	@Test
	void anotherOrganizationsTicketAndGroupAreNotFound() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		TestTenant other = TestTenant.create(context, 1, 3);
		String ticket = api.call("POST", "/api/v1/visitor/tickets", api.visitor(tenant.slug()),
				Map.of("clientMsgId", "m-1", "body", "Hello?", "email", "wang@example.com")).body().path("id").asString();

		assertThat(api.call("GET", "/api/v1/tickets/" + ticket + "/mail", other.agentToken(api, 0), null).status())
			.isEqualTo(404);
		assertThat(api.call("PUT", "/api/v1/admin/groups/" + tenant.group().id() + "/mail-alerts",
				other.adminToken(api), Map.of("enabled", true)).status()).isEqualTo(404);
		assertThat(api.call("PUT", "/api/v1/admin/groups/" + tenant.group().id() + "/mail-alerts",
				tenant.adminToken(api), Map.of("enabled", true, "recipients", java.util.List.of("nope"))).code())
			.isEqualTo("invalid-email");
	}
}
