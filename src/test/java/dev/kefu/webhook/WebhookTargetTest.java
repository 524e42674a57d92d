package dev.kefu.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/** With the default settings, webhooks cannot be pointed at the server's own networks, and only admins manage them. */
@ServerTest
class WebhookTargetTest {

	static final String PATH = "/api/v1/admin/webhooks";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Targets targets;

	Api api;
	TestTenant tenant;
	String admin;

	@BeforeEach
	void organization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
	}

	@Test
	void loopbackPrivateLinkLocalMulticastAndUnspecifiedTargetsAreRefused() {
		for (String url : List.of("http://127.0.0.1:" + port + "/hook", "http://localhost/hook", "http://10.1.2.3/",
				"http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
				"http://[::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://224.0.0.1/",
				"http://0.0.0.0/", "http://100.64.0.1/")) {
			Api.Response refused = api.call("POST", PATH, admin, Map.of("url", url, "events", List.of("ticket.opened")));
			assertThat(refused.status()).as(url).isEqualTo(400);
			assertThat(refused.code()).as(url).isEqualTo("forbidden-target");
		}
		assertThat(api.get(PATH, admin).size()).isZero();
	}

	@Test
	void aPublicTargetIsAcceptedAndItsSecretShownOnlyOnCreation() {
		Api.Response created = api.call("POST", PATH, admin,
				Map.of("url", "https://93.184.215.14/hooks/kefu", "events", List.of("ticket.opened", "message.created")));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().path("secret").asString()).startsWith("whsec_");
		String id = created.body().path("id").asString();
		assertThat(api.get(PATH + "/" + id, admin).has("secret")).isFalse();
		assertThat(api.post(PATH + "/" + id + "/rotate-secret", admin, null).path("secret").asString())
			.startsWith("whsec_")
			.isNotEqualTo(created.body().path("secret").asString());
	}

	@Test
	void theSameCheckRunsAgainstWhatANameResolvesToAtDeliveryTime() throws Exception {
		assertThat(targets.refusal("localhost")).isNotNull();
		assertThat(dev.kefu.shared.OutboundTargets.internal(InetAddress.getByName("93.184.215.14"))).isFalse();
		assertThat(dev.kefu.shared.OutboundTargets.internal(InetAddress.getByName("::ffff:10.0.0.1"))).isTrue();
	}

	@Test
	void unknownEventsAndNonAdminsAreRefused() {
		assertThat(api.call("POST", PATH, admin, Map.of("url", "https://93.184.215.14/", "events", List.of("everything")))
			.code()).isEqualTo("invalid-event");
		assertThat(api.call("GET", PATH, tenant.agentToken(api, 0), null).status()).isEqualTo(403);
	}
}
