package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * Two-factor sign-in in Chromium: an agent turns it on from the desk's Security view and then logs in with a code; an
 * agent of an organization that requires it is made to enrol in the login form before reaching the desk.
 */
@BrowserTest
class TwoFactorBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anAgentTurnsOnTwoFactorOnTheDeskAndThenLogsInWithACode() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		try (Browser desk = Browser.open(1280, 800, "en-US")) {
			password(desk, api, tenant.agent(0).username());
			desk.shown(By.id("status"));
			desk.click(By.id("view-security"));
			desk.withText(By.cssSelector("#sessions tr.current"), "this session");
			desk.click(By.id("two-factor-enable"));
			String secret = desk.shown(By.id("two-factor-secret")).getText();
			desk.shown(By.cssSelector("#security .qr svg path"));
			desk.screenshot("two-factor-enrolment");
			long enrolled = Totp.step(Instant.now());
			desk.type(By.cssSelector("#two-factor-code input[name=code]"), TwoFactorTestCodes.code(secret, Instant.now()));
			desk.click(By.cssSelector("#two-factor-code button[type=submit]"));
			desk.await(d -> d.findElements(By.cssSelector("#recovery-codes li")).size() == 10);
			desk.click(By.cssSelector("#recovery-codes button"));
			desk.withText(By.id("two-factor-state"), "On since");

			desk.click(By.id("logout"));
			password(desk, api, tenant.agent(0).username());
			desk.shown(By.id("login-code"));
			desk.type(By.cssSelector("#login-code input[name=code]"), "000000");
			desk.click(By.cssSelector("#login-code button[type=submit]"));
			desk.withText(By.cssSelector("#login-code .error"), "wrong, expired or already used");
			// The code of the enrolment's step is used up: wait for the app's next one, as a person would.
			await().atMost(Duration.ofSeconds(35)).until(() -> Totp.step(Instant.now()) > enrolled);
			desk.type(By.cssSelector("#login-code input[name=code]"), TwoFactorTestCodes.code(secret, Instant.now()));
			desk.click(By.cssSelector("#login-code button[type=submit]"));
			desk.shown(By.id("status"));
		}
	}

	@Test
	void anAgentOfAnOrganizationThatRequiresItEnrolsInTheLoginFormBeforeReachingTheDesk() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		api.put("/api/v1/admin/sign-in", tenant.adminToken(api), Map.of("requireTwoFactor", true));
		try (Browser desk = Browser.open(1280, 800, "zh-CN")) {
			password(desk, api, tenant.agent(0).username());
			desk.withText(By.id("login-code"), "贵组织要求启用两步验证");
			desk.shown(By.cssSelector("#login-code .qr svg"));
			String secret = desk.shown(By.id("login-secret")).getText();
			desk.type(By.cssSelector("#login-code input[name=code]"), TwoFactorTestCodes.code(secret, Instant.now()));
			desk.click(By.cssSelector("#login-code button[type=submit]"));
			desk.await(d -> d.findElements(By.cssSelector("#login-recovery .recovery-codes li")).size() == 10);
			assertThat(desk.driver().findElements(By.id("status"))).as("not on the desk before the codes are saved").isEmpty();
			desk.click(By.id("recovery-saved"));
			desk.shown(By.id("status"));
		}
	}

	@Test
	void anAdminRequiresTwoFactorResetsAnAgentsAndRevokesTheirSession() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String agent = tenant.agentToken(api, 0);
		String secret = api.post("/api/v1/auth/two-factor/enrolment", agent, null).path("secret").asString();
		api.post("/api/v1/auth/two-factor/enrolment/confirm", agent,
				Map.of("code", TwoFactorTestCodes.code(secret, Instant.now())));
		String admin = tenant.adminToken(api);
		try (Browser console = Browser.open(1280, 900, "en-US")) {
			console.get(api.base() + "/admin/");
			console.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			console.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			console.click(By.cssSelector("#login button[type=submit]"));
			console.click(By.id("tab-sign-in"));
			By agentRow = By.cssSelector("#staff-sign-in tr[data-username='" + tenant.agent(0).username() + "']");
			console.withText(agentRow, "On");

			console.click(By.cssSelector("#require-two-factor input"));
			await().atMost(Duration.ofSeconds(5))
				.until(() -> api.get("/api/v1/admin/sign-in", admin).path("requireTwoFactor").asBoolean());

			console.click(By.cssSelector("#staff-sign-in tr[data-username='" + tenant.agent(0).username()
					+ "'] .show-sessions"));
			console.await(d -> d.findElements(By.cssSelector("#staff-sessions tr[data-session]")).size() == 1);
			console.screenshot("admin-sign-in");
			console.click(By.cssSelector("#staff-sessions .revoke"));
			console.withText(By.id("staff-sessions"), "No open sessions");
			assertThat(api.call("GET", "/api/v1/auth/me", agent, null).status()).isEqualTo(401);

			console.click(By.cssSelector("#staff-sign-in tr[data-username='" + tenant.agent(0).username()
					+ "'] .reset-two-factor"));
			console.driver().switchTo().alert().accept();
			console.withText(agentRow, "Off");
		}
		assertThat(api.post("/api/v1/auth/login", null,
				Map.of("username", tenant.agent(0).username(), "password", TestTenant.PASSWORD)).path("next").asString())
			.as("required, and reset: enrol again")
			.isEqualTo("two-factor-enrolment");
	}

	private static void password(Browser desk, Api api, String username) {
		desk.get(api.base() + "/desk/");
		desk.type(By.cssSelector("#login input[name=username]"), username);
		desk.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
		desk.click(By.cssSelector("#login button[type=submit]"));
	}
}
