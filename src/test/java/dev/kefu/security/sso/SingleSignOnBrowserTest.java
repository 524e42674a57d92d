package dev.kefu.security.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * The sign-in a person sees: the desk's login form asks for the organization's short name (here given by the link
 * {@code /desk/?org=<slug>} an admin hands out), sends them to their provider's login page, and brings them back
 * signed in to the desk. The admin console's single sign-on tab shows the settings without the secret.
 */
@BrowserTest
@TestPropertySource(properties = "kefu.security.sso.allow-private-issuers=true")
class SingleSignOnBrowserTest {

	static TestOidcProvider provider;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@BeforeAll
	static void start() {
		provider = TestOidcProvider.start();
	}

	@AfterAll
	static void stop() {
		provider.close();
	}

	@Test
	void aPersonSignsInAtTheirProviderAndLandsOnTheDesk() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		provider.allowRedirect(api.base() + "/login/oauth2/code/" + tenant.slug());
		api.ok("PUT", "/api/v1/admin/sso", admin, Map.of("enabled", true, "issuerUri", provider.issuer(), "clientId",
				TestOidcProvider.CLIENT_ID, "clientSecret", TestOidcProvider.CLIENT_SECRET, "scopes", List.of("openid"),
				"usernameClaim", "email", "groupsClaim", "groups", "mappings",
				List.of(Map.of("value", "*", "role", "AGENT")), "createStaff", true));
		provider.person("li.na@example.com", Map.of("email", "li.na@example.com", "name", "Li Na", "groups", List.of()));

		try (Browser desk = Browser.open(1280, 800, "en")) {
			desk.get(api.base() + "/desk/?org=" + tenant.slug());
			desk.click(By.id("sso-start"));
			desk.type(By.id("username"), "li.na@example.com");
			desk.type(By.id("password"), TestOidcProvider.PASSWORD);
			desk.click(By.cssSelector("button[type=submit]"));
			desk.shown(By.id("status"));
			// The one-time code is gone from the address once exchanged.
			assertThat(desk.driver().getCurrentUrl()).isEqualTo(api.base() + "/desk/");
			assertThat(desk.driver().getPageSource()).contains("Li Na");
		}

		try (Browser console = Browser.open(1280, 900, "en")) {
			console.get(api.base() + "/admin/");
			console.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			console.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			console.click(By.cssSelector("#login button[type=submit]"));
			console.click(By.id("tab-sso"));
			assertThat(console.shown(By.cssSelector("#sso-form input[name=issuerUri]")).getAttribute("value"))
				.isEqualTo(provider.issuer());
			assertThat(console.shown(By.cssSelector("#sso-form input[name=clientSecret]")).getAttribute("value")).isEmpty();
			assertThat(console.shown(By.id("sso-redirect-uri")).getText())
				.isEqualTo(api.base() + "/login/oauth2/code/" + tenant.slug());
			assertThat(console.driver().getPageSource()).doesNotContain(TestOidcProvider.CLIENT_SECRET);
		}
	}
}
