package dev.kefu.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/** An admin reads and changes the assistant of their own organization's groups only. */
@ServerTest
class AssistantSettingsTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anotherOrganizationsGroupIsNotFoundForReadingOrChangingItsAssistant() {
		Api api = new Api(port);
		TestTenant owner = TestTenant.create(context, 1, 5);
		TestTenant stranger = TestTenant.create(context, 1, 5);
		String path = "/api/v1/admin/groups/" + owner.group().id() + "/assistant";
		api.put(path, owner.adminToken(api), Map.of("enabled", true, "name", "Owl", "greeting", "Hoo"));
		// The owner's read puts the profile in the short-lived cache a stranger's read must not reach.
		assertThat(api.get(path, owner.adminToken(api)).path("name").asString()).isEqualTo("Owl");

		Api.Response read = api.call("GET", path, stranger.adminToken(api), null);
		Api.Response change = api.call("PUT", path, stranger.adminToken(api), Map.of("name", "Mallory"));

		assertThat(read.status()).isEqualTo(404);
		assertThat(read.text()).doesNotContain("Owl");
		assertThat(change.status()).isEqualTo(404);
		assertThat(api.get(path, owner.adminToken(api)).path("name").asString()).isEqualTo("Owl");
	}

	@Test
	void anUnknownGroupIsNotFound() {
		Api api = new Api(port);
		TestTenant owner = TestTenant.create(context, 1, 5);
		String path = "/api/v1/admin/groups/" + java.util.UUID.randomUUID() + "/assistant";

		assertThat(api.call("GET", path, owner.adminToken(api), null).status()).isEqualTo(404);
	}
}
