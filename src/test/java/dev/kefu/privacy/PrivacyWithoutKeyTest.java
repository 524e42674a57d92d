package dev.kefu.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/** Without kefu.privacy.key nothing can be sealed, so no organization may mask on display; masking at rest works. */
@ServerTest
class PrivacyWithoutKeyTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void switchingToOnDisplayIsRefusedWhileNoKeyIsConfigured() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String admin = tenant.adminToken(api);
		assertThat(api.get("/api/v1/admin/privacy/settings", admin).path("keyConfigured").asBoolean()).isFalse();

		Api.Response refused = api.call("PUT", "/api/v1/admin/privacy/settings", admin, Map.of("mode", "ON_DISPLAY"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("privacy-key-missing");
		assertThat(refused.text()).contains("kefu.privacy.key");
		assertThat(api.get("/api/v1/admin/privacy/settings", admin).path("mode").asString()).isEqualTo("AT_REST");
		assertThat(api.put("/api/v1/admin/privacy/settings", admin, Map.of("mode", "AT_REST")).path("mode").asString())
			.isEqualTo("AT_REST");
	}
}
