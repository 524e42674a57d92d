package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/**
 * Login protection over real HTTP. The server believes X-Forwarded-For here (as behind a trusted proxy), so that each
 * attempt can come from an address of its own; every test picks fresh addresses, since the records outlive a test.
 * The first wait is a minute rather than a second, so that a slow machine cannot outlast it between two requests.
 */
@ServerTest
@TestPropertySource(properties = { "server.forward-headers-strategy=native",
		"kefu.security.login.per-address.free-failures=10", "kefu.security.login.per-address.first-delay=1m",
		"kefu.security.login.per-account.free-failures=10", "kefu.security.login.per-account.first-delay=1m" })
class LoginProtectionApiTest {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;

	@BeforeEach
	void freshOrganization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 1);
	}

	@Test
	void theRealUserLogsInFromAKnownAddressAfterAFloodOfWrongPasswordsFromAnother() throws Exception {
		String home = address();
		assertThat(login(home, tenant.adminUsername(), TestTenant.PASSWORD, null).statusCode()).isEqualTo(200);

		List<Integer> flood = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			flood.add(login(address(), tenant.adminUsername(), "wrong-guess-" + i, null).statusCode());
		}
		assertThat(flood).as("a flood from many addresses is slowed by the account's limit")
			.containsOnly(401, 429)
			.filteredOn(status -> status == 401)
			.hasSize(11);

		HttpResponse<String> fromElsewhere = login(address(), tenant.adminUsername(), TestTenant.PASSWORD, null);
		assertThat(fromElsewhere.statusCode()).as("a new address waits, even with the right password").isEqualTo(429);
		assertThat(Long.parseLong(fromElsewhere.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
		HttpResponse<String> fromHome = login(home, tenant.adminUsername(), TestTenant.PASSWORD, null);
		assertThat(fromHome.statusCode()).as(fromHome.body()).isEqualTo(200);
	}

	@Test
	void sprayingFiftyUsernamesFromOneAddressIsSlowed() throws Exception {
		String sprayer = address();
		List<HttpResponse<String>> answers = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String username = i % 5 == 0 ? tenant.agent(0).username() + i : "spray-" + i + "-" + tenant.slug();
			answers.add(login(sprayer, username, "Summer2026!", null));
		}

		long checked = answers.stream().filter(a -> a.statusCode() == 401).count();
		List<HttpResponse<String>> slowed = answers.stream().filter(a -> a.statusCode() == 429).toList();
		assertThat(checked).as("passwords actually checked").isLessThanOrEqualTo(12);
		assertThat(slowed).hasSizeGreaterThanOrEqualTo(38);
		assertThat(slowed.getLast().body()).contains("\"code\":\"too-many-attempts\"");
		assertThat(slowed.getLast().headers().firstValue("Retry-After")).isPresent();
		assertThat(login(address(), tenant.agent(0).username(), TestTenant.PASSWORD, null).statusCode())
			.as("other addresses are not slowed").isEqualTo(200);
	}

	@Test
	void aUsernameAnotherOrganizationUsesCanBeCreatedAndNothingRevealsIt() throws Exception {
		TestTenant other = TestTenant.create(context, 1, 1);
		String otherAdmin = api.login(other.adminUsername(), TestTenant.PASSWORD);
		String taken = tenant.agent(0).username();

		Api.Response created = api.call("POST", "/api/v1/admin/staff", otherAdmin, Map.of("username", taken,
				"password", "another-secret", "displayName", "Namesake", "roles", List.of("AGENT"), "maxChats", 1,
				"groupIds", List.of()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		Api.Response again = api.call("POST", "/api/v1/admin/staff", otherAdmin, Map.of("username", taken,
				"password", "another-secret", "displayName", "Namesake", "roles", List.of("AGENT"), "maxChats", 1,
				"groupIds", List.of()));
		assertThat(again.code()).isEqualTo("username-taken");

		HttpResponse<String> ambiguous = login(address(), taken, "another-secret", null);
		assertThat(ambiguous.statusCode()).isEqualTo(401);
		assertThat(ambiguous.body()).contains("organization-required");
		HttpResponse<String> namesake = login(address(), taken, "another-secret", other.slug());
		assertThat(namesake.statusCode()).as(namesake.body()).isEqualTo(200);
		assertThat(Api.json.readTree(namesake.body()).path("user").path("organizationId").asString())
			.isEqualTo(other.id().toString());
		assertThat(login(address(), taken, TestTenant.PASSWORD, tenant.slug()).statusCode()).isEqualTo(200);
	}

	@Test
	void commonPasswordsAreRefusedWhereverAPasswordIsSet() {
		String admin = api.login(tenant.adminUsername(), TestTenant.PASSWORD);
		Api.Response create = api.call("POST", "/api/v1/admin/staff", admin, Map.of("username",
				tenant.slug() + "-weak", "password", "password", "displayName", "Weak", "roles", List.of("AGENT"),
				"maxChats", 1, "groupIds", List.of()));
		assertThat(create.status()).isEqualTo(400);
		assertThat(create.code()).isEqualTo("weak-password");

		Api.Response change = api.call("PUT", "/api/v1/admin/staff/" + tenant.agent(0).id() + "/password", admin,
				Map.of("password", "pw123456"));
		assertThat(change.code()).isEqualTo("weak-password");
		assertThat(change.body().path("detail").asString()).contains("common");
	}

	private HttpResponse<String> login(String from, String username, String password, @Nullable String organization)
			throws IOException, InterruptedException {
		String body = Api.json.writeValueAsString(organization == null
				? Map.of("username", username, "password", password)
				: Map.of("username", username, "password", password, "organization", organization));
		HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", from)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return api.http().send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** An address no attempt has come from yet (this class has its own server, so its own records). */
	private static String address() {
		int n = ADDRESSES.incrementAndGet();
		return "10.51." + n / 250 + "." + (n % 250 + 1);
	}
}
