package dev.kefu.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/** By default an admin cannot point the CRM lookup at the server's own networks (SSRF). */
@ServerTest
class CrmTargetTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void loopbackPrivateAndMetadataAddressesAreRefusedAsLookupUrls() {
		Api api = new Api(port);
		String admin = TestTenant.create(context, 1, 5).adminToken(api);

		for (String url : new String[] { "http://127.0.0.1:9/lookup", "http://10.1.2.3/lookup",
				"http://169.254.169.254/latest/meta-data", "http://[::1]/lookup" }) {
			Api.Response answer = api.call("PUT", "/api/v1/admin/crm", admin, Map.of("lookupUrl", url, "enabled", true));
			assertThat(answer.status()).as(url).isEqualTo(400);
			assertThat(answer.code()).as(url).isEqualTo("forbidden-target");
		}
		assertThat(api.get("/api/v1/admin/crm", admin).path("enabled").asBoolean()).isFalse();
	}
}
