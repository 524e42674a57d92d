package dev.kefu.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/** Kefu fetches an organization's JWKS itself, so by default an admin cannot point it inside the network (SSRF). */
@ServerTest
class JwksTargetTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void loopbackPrivateAndMetadataAddressesAreRefusedAsJwksUrls() {
		Api api = new Api(port);
		String admin = TestTenant.create(context, 1, 5).adminToken(api);

		for (String url : new String[] { "http://127.0.0.1:9/jwks.json", "http://10.1.2.3/jwks.json",
				"http://169.254.169.254/latest/meta-data", "http://[::1]/jwks.json" }) {
			Api.Response answer = api.call("PUT", "/api/v1/admin/identity", admin, Map.of("jwksUrl", url));
			assertThat(answer.status()).as(url).isEqualTo(400);
			assertThat(answer.code()).as(url).isEqualTo("forbidden-target");
		}
		assertThat(api.get("/api/v1/admin/identity", admin).path("jwksUrl").asString("")).isEmpty();
	}
}
