package dev.kefu.channel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Receiver;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/** With the default settings, an API channel's callback cannot point at the server's own networks. */
@ServerTest
class ApiChannelTargetTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aCallbackToLoopbackIsRefusedAndNoChannelIsMade() throws Exception {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 0, 1);
		String admin = tenant.adminToken(api);
		try (Receiver receiver = new Receiver()) {
			Api.Response refused = api.call("POST", "/api/v1/admin/channels", admin,
					Map.of("provider", "api", "name", "Loopback", "configuration", Map.of("callbackUrl", receiver.url())));

			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.code()).isEqualTo("forbidden-target");
		}
		assertThat(api.get("/api/v1/admin/channels", admin).valueStream().map(c -> c.path("provider").asString()))
			.containsExactly("web");
	}
}
