package dev.kefu.security.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.organization.Tenants;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on against a real OpenID provider (Spring Security's authorization server, started here), driven as a
 * browser would: Kefu sends the browser to the provider, the person logs in on the provider's form, the provider sends
 * the browser back with a code, and Kefu answers with the desk's address carrying a one-time code the page exchanges
 * for the same staff token a password login gives.
 */
@ServerTest
@TestPropertySource(properties = "kefu.security.sso.allow-private-issuers=true")
class SingleSignOnTest {

	static TestOidcProvider provider;
	static TestOidcProvider otherProvider;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Api api;
	TestTenant tenant;
	String admin;
	BusinessGroup vip;

	@BeforeAll
	static void providers() {
		provider = TestOidcProvider.start();
		otherProvider = TestOidcProvider.start();
	}

	@AfterAll
	static void stopProviders() {
		provider.close();
		otherProvider.close();
	}

	@BeforeEach
	void organization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		vip = tenant.addGroup(context, "VIP", 10);
		for (TestOidcProvider p : List.of(provider, otherProvider)) {
			p.allowRedirect(api.base() + "/login/oauth2/code/" + tenant.slug());
		}
		api.ok("PUT", "/api/v1/admin/sso", admin, settings(true));
	}

	Map<String, Object> settings(boolean createStaff) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("enabled", true);
		settings.put("issuerUri", provider.issuer());
		settings.put("clientId", TestOidcProvider.CLIENT_ID);
		settings.put("clientSecret", TestOidcProvider.CLIENT_SECRET);
		settings.put("scopes", List.of("openid"));
		settings.put("usernameClaim", "email");
		settings.put("groupsClaim", "groups");
		settings.put("mappings", List.of(Map.of("value", "support", "role", "AGENT"),
				Map.of("value", "support-leads", "role", "SUPERVISOR"),
				Map.of("value", "vip-desk", "groupId", vip.id().toString())));
		settings.put("createStaff", createStaff);
		return settings;
	}

	String person(List<String> groups) {
		String email = "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		provider.person(email, Map.of("email", email, "name", "Pat Example", "groups", groups));
		otherProvider.person(email, Map.of("email", email, "name", "Pat Example", "groups", groups));
		return email;
	}

	/** The address Kefu's callback sends the browser to at the end: the desk, with a code or an error. */
	String signIn(String username, UnaryOperator<String> authorizeRequest, UnaryOperator<String> callback) {
		FormBrowser browser = new FormBrowser();
		FormBrowser.Page end = browser.get(callback.apply(toCallback(browser, username, authorizeRequest)));
		assertThat(end.status()).isEqualTo(302);
		return end.next();
	}

	/** The way from Kefu to the provider's login form and back to Kefu's callback address, not yet followed. */
	String toCallback(FormBrowser browser, String username, UnaryOperator<String> authorizeRequest) {
		FormBrowser.Page start = browser.get(api.base() + "/oauth2/authorization/" + tenant.slug());
		assertThat(start.status()).isEqualTo(302);
		FormBrowser.Page page = browser.get(authorizeRequest.apply(start.next()));
		String loginForm = page.next();
		FormBrowser.Page form = browser.get(loginForm);
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).as("the provider's login form: %s", form.body()).isTrue();
		page = browser.post(loginForm, Map.of("username", username, "password", TestOidcProvider.PASSWORD, "_csrf",
				csrf.group(1)));
		String next = page.next();
		while (!next.startsWith(api.base())) {
			next = browser.get(next).next();
		}
		assertThat(next).startsWith(api.base() + "/login/oauth2/code/" + tenant.slug() + "?");
		return next;
	}

	String signIn(String username) {
		return signIn(username, UnaryOperator.identity(), UnaryOperator.identity());
	}

	JsonNode exchange(String landing) {
		assertThat(landing).startsWith(api.base() + "/desk/#sso=");
		return api.post("/api/v1/auth/sso/exchange", null, Map.of("code", landing.substring(landing.indexOf('=') + 1)));
	}

	StaffMember staffNamed(String username) {
		return context.getBean(StaffMembers.class).findByLogin(tenant.id(), username).orElseThrow();
	}

	List<String> auditActions() {
		return jdbc.sql("SELECT action FROM audit_entry WHERE organization_id = ? ORDER BY occurred_at")
			.param(tenant.id())
			.query(String.class)
			.list();
	}

	@Test
	void firstLoginCreatesTheStaffMemberWithMappedRolesAndLandsOnTheDeskWithAWorkingToken() {
		String email = person(List.of("support", "vip-desk", "marketing"));

		String landing = signIn(email);
		JsonNode session = exchange(landing);

		String token = session.path("token").asString();
		assertThat(token).startsWith("s_");
		JsonNode me = api.get("/api/v1/auth/me", token);
		assertThat(me.path("displayName").asString()).isEqualTo("Pat Example");
		assertThat(me.path("roles").toString()).isEqualTo("[\"AGENT\"]");
		assertThat(me.path("organizationId").asString()).isEqualTo(tenant.id().toString());
		StaffMember created = staffNamed(email);
		assertThat(created.username()).isEqualTo(email);
		assertThat(created.email()).isEqualTo(email);
		assertThat(created.groupIds()).containsExactly(vip.id());
		// The desk's own calls work with it, as after a password login.
		assertThat(api.call("GET", "/api/v1/conversations/mine", token, null).status()).isEqualTo(200);
		assertThat(auditActions()).contains("sso.changed", "staff.created", "auth.login");
		assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE organization_id = ? AND action = 'auth.login'")
			.param(tenant.id())
			.query(String.class)
			.list()).as("the admin's password login, then the SSO one").contains("method=sso");
	}

	@Test
	void theOneTimeCodeWorksOnce() {
		String landing = signIn(person(List.of("support")));
		exchange(landing);

		Api.Response again = api.call("POST", "/api/v1/auth/sso/exchange", null,
				Map.of("code", landing.substring(landing.indexOf('=') + 1)));
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.code()).isEqualTo("sso-code-invalid");
	}

	@Test
	void aLaterLoginSetsRolesAndGroupsFromTheClaimsAgain() {
		String email = person(List.of("support", "vip-desk"));
		exchange(signIn(email));
		assertThat(staffNamed(email).roles()).extracting(Enum::name).containsExactly("AGENT");

		provider.person(email, Map.of("email", email, "name", "Pat Example", "groups", List.of("support-leads")));
		JsonNode session = exchange(signIn(email));

		assertThat(session.path("user").path("roles").toString()).isEqualTo("[\"SUPERVISOR\"]");
		assertThat(api.get("/api/v1/auth/me", session.path("token").asString()).path("roles").toString())
			.isEqualTo("[\"SUPERVISOR\"]");
		assertThat(staffNamed(email).groupIds()).isEmpty();
		assertThat(auditActions()).contains("staff.changed");
	}

	@Test
	void aDisabledStaffMemberCannotSignIn() {
		String email = person(List.of("support"));
		exchange(signIn(email));
		StaffMember member = staffNamed(email);
		context.getBean(StaffMembers.class).update(tenant.id(), member.id(), new StaffMembers.Profile(
				member.displayName(), member.email(), member.roles(), member.maxChats(), false, member.groupIds()));

		assertThat(signIn(email)).isEqualTo(api.base() + "/desk/#sso-error=staff-disabled");
		assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE organization_id = ? AND action = 'auth.login-failed'")
			.param(tenant.id())
			.query(String.class)
			.single()).isEqualTo("method=sso, staff-disabled");
	}

	@Test
	void aSuspendedOrganizationsStaffAndAFullOrganizationsNewcomersAreRefused() {
		String known = person(List.of("support"));
		exchange(signIn(known));
		context.getBean(Tenants.class).changeLimits(tenant.id(),
				new Tenants.Limits((int) context.getBean(Tenants.class).seatsUsed(tenant.id()), null, null));

		assertThat(signIn(person(List.of("support")))).isEqualTo(api.base() + "/desk/#sso-error=seat-limit-reached");
		assertThat(exchange(signIn(known)).path("token").asString()).as("a known account takes no new seat")
			.startsWith("s_");

		context.getBean(Tenants.class).suspend(tenant.id(), "test");
		assertThat(signIn(known)).isEqualTo(api.base() + "/desk/#sso-error=organization-suspended");
	}

	@Test
	void withoutCreationOnlyKnownStaffGetIn() {
		api.ok("PUT", "/api/v1/admin/sso", admin, Map.of("createStaff", false));
		String stranger = person(List.of("support"));

		assertThat(signIn(stranger)).isEqualTo(api.base() + "/desk/#sso-error=staff-unknown");

		// An existing account is found by its e-mail address.
		context.getBean(StaffMembers.class).create(tenant.id(), "pat", "a-long-password-1", new StaffMembers.Profile(
				"Pat", stranger, java.util.Set.of(dev.kefu.shared.Role.AGENT), 5, true, List.of()));
		JsonNode session = exchange(signIn(stranger));
		assertThat(session.path("user").path("displayName").asString()).isEqualTo("Pat");
	}

	@Test
	void aTamperedStateIsRefused() {
		String email = person(List.of("support"));

		String landing = signIn(email, UnaryOperator.identity(),
				callback -> callback.replaceAll("state=[^&]+", "state=forged"));

		assertThat(landing).isEqualTo(api.base() + "/desk/#sso-error=authorization_request_not_found");
		assertThat(context.getBean(StaffMembers.class).findByLogin(tenant.id(), email)).isEmpty();
	}

	@Test
	void theWayBackCountsOnlyInTheBrowserThatSetOut() {
		String email = person(List.of("support"));
		String callback = toCallback(new FormBrowser(), email, UnaryOperator.identity());

		// Someone sends their own callback address to another person, whose browser never set out (no KEFU_SSO cookie).
		FormBrowser.Page elsewhere = new FormBrowser().get(callback);

		assertThat(elsewhere.next()).isEqualTo(api.base() + "/desk/#sso-error=authorization_request_not_found");
		assertThat(context.getBean(StaffMembers.class).findByLogin(tenant.id(), email)).isEmpty();
	}

	@Test
	void anIdTokenForAnotherNonceIsRefused() {
		String email = person(List.of("support"));

		String landing = signIn(email, authorize -> authorize.replaceAll("nonce=[^&]+", "nonce=replayed"),
				UnaryOperator.identity());

		assertThat(landing).isEqualTo(api.base() + "/desk/#sso-error=invalid_nonce");
		assertThat(context.getBean(StaffMembers.class).findByLogin(tenant.id(), email)).isEmpty();
	}

	@Test
	void aCodeFromAnotherIssuerIsRefused() {
		String email = person(List.of("support"));

		// The browser is sent to the organization's provider but signs in at another one, which knows the same
		// client id: its code is no good at the organization's provider.
		String landing = signIn(email,
				authorize -> authorize.replace(":" + provider.port() + "/", ":" + otherProvider.port() + "/"),
				UnaryOperator.identity());

		assertThat(landing).isEqualTo(api.base() + "/desk/#sso-error=invalid_grant");
		assertThat(context.getBean(StaffMembers.class).findByLogin(tenant.id(), email)).isEmpty();
	}

	@Test
	void anOrganizationsLoginNeverReachesAnotherOrganizationsStaff() {
		String email = person(List.of("support"));
		TestTenant other = TestTenant.create(context, 1, 5);
		context.getBean(StaffMembers.class).create(other.id(), email, "a-long-password-1", new StaffMembers.Profile(
				"Other", email, java.util.Set.of(dev.kefu.shared.Role.ADMIN), 5, true, List.of()));

		JsonNode session = exchange(signIn(email));

		assertThat(session.path("user").path("organizationId").asString()).isEqualTo(tenant.id().toString());
		assertThat(session.path("user").path("roles").toString()).isEqualTo("[\"AGENT\"]");
	}

	@Test
	void theClientSecretIsNeverReturned() {
		JsonNode read = api.get("/api/v1/admin/sso", admin);
		Api.Response changed = api.call("PUT", "/api/v1/admin/sso", admin, Map.of("scopes", List.of("openid", "email")));

		assertThat(read.path("clientSecretSet").asBoolean()).isTrue();
		assertThat(read.toString()).doesNotContain(TestOidcProvider.CLIENT_SECRET);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.text()).doesNotContain(TestOidcProvider.CLIENT_SECRET);
		assertThat(read.path("issuerUri").asString()).isEqualTo(provider.issuer());
		List<String> audited = jdbc.sql("SELECT COALESCE(detail, '') FROM audit_entry WHERE organization_id = ?")
			.param(tenant.id())
			.query(String.class)
			.list();
		assertThat(String.join("\n", audited)).doesNotContain(TestOidcProvider.CLIENT_SECRET);
	}

	@Test
	void badSettingsAreRefusedWithACode() {
		Map<String, Object> unreachable = new HashMap<>(settings(true));
		unreachable.put("issuerUri", "http://127.0.0.1:1/nobody");
		assertThat(api.call("PUT", "/api/v1/admin/sso", admin, unreachable).code()).isEqualTo("issuer-unreachable");
		assertThat(api.call("PUT", "/api/v1/admin/sso", admin, Map.of("issuerUri", "ftp://example.com")).code())
			.isEqualTo("invalid-url");
		assertThat(api.call("PUT", "/api/v1/admin/sso", admin,
				Map.of("mappings", List.of(Map.of("value", "x")))).code()).isEqualTo("invalid-mappings");
		assertThat(api.call("PUT", "/api/v1/admin/sso", admin,
				Map.of("mappings", List.of(Map.of("value", "x", "groupId", UUID.randomUUID().toString())))).status())
			.isEqualTo(404);
		// Nothing of it was kept.
		assertThat(api.get("/api/v1/admin/sso", admin).path("issuerUri").asString()).isEqualTo(provider.issuer());
	}

	@Test
	void theLoginPageLearnsWhetherAnOrganizationSignsInWithSso() {
		JsonNode available = api.get("/api/v1/auth/sso/" + tenant.slug(), null);
		assertThat(available.path("start").asString()).isEqualTo("/oauth2/authorization/" + tenant.slug());
		assertThat(api.call("GET", "/api/v1/auth/sso/no-such-org", null, null).status()).isEqualTo(404);

		api.ok("DELETE", "/api/v1/admin/sso", admin, null);
		assertThat(api.call("GET", "/api/v1/auth/sso/" + tenant.slug(), null, null).status()).isEqualTo(404);
		// A link to an organization without a provider ends on the login form with the reason.
		FormBrowser.Page start = new FormBrowser().get(api.base() + "/oauth2/authorization/" + tenant.slug());
		assertThat(start.next()).isEqualTo(api.base() + "/desk/#sso-error=sso-not-configured");
	}

	@Test
	void passwordLoginCanBeKeptForAdminsOnly() {
		api.ok("PUT", "/api/v1/admin/sso", admin, Map.of("passwordLoginAdminsOnly", true));

		Api.Response agent = api.call("POST", "/api/v1/auth/login", null,
				Map.of("username", tenant.agent(0).username(), "password", TestTenant.PASSWORD));
		assertThat(agent.status()).isEqualTo(403);
		assertThat(agent.code()).isEqualTo("password-login-disabled");
		assertThat(tenant.adminToken(api)).startsWith("s_");
	}
}
