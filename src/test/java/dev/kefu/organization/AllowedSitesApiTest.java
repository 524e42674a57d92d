package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
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
import tools.jackson.databind.JsonNode;

/**
 * Where an organization's widget may appear: the admin lists the sites, the chat frame tells browsers that only they
 * may frame it, and a browser request on behalf of another site is refused at the widget's settings and at session
 * start. A request that names no site (a program, as curl) is not: nothing a server checks can stop a forged Origin.
 */
@ServerTest
class AllowedSitesApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;

	@BeforeEach
	void adminOfAFreshOrganization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 1);
		admin = api.login(tenant.adminUsername(), TestTenant.PASSWORD);
	}

	@Test
	void adminListsTheSitesAsStoredAndAChangeThatLeavesThemOutKeepsThem() {
		JsonNode saved = api.put("/api/v1/admin/widget", admin,
				settings(List.of("HTTPS://Shop.Example.com/", "https://*.example.cn", "http://localhost:8080")));

		assertThat(saved.path("allowedSites").valueStream().map(JsonNode::asString))
			.containsExactly("https://shop.example.com", "https://*.example.cn", "http://localhost:8080");
		Map<String, Object> titleOnly = settings(null);
		titleOnly.remove("allowedSites");
		api.put("/api/v1/admin/widget", admin, titleOnly);
		assertThat(api.get("/api/v1/admin/widget", admin).path("allowedSites")).hasSize(3);
		assertThat(api.get("/api/v1/widget/" + tenant.slug(), null).has("allowedSites")).isFalse();

		api.put("/api/v1/admin/widget", admin, settings(List.of()));
		assertThat(api.get("/api/v1/admin/widget", admin).path("allowedSites")).isEmpty();
	}

	@Test
	void aBadSiteIsRefusedWithItsCodeAndNothingChanges() {
		api.put("/api/v1/admin/widget", admin, settings(List.of("https://shop.example.com")));

		for (Object bad : List.of(List.of("https://shop.example.com/cart"), List.of("shop.example.com"),
				List.of("ftp://shop.example.com"), List.of("https://shop.example.com; script-src *"))) {
			Api.Response refused = api.call("PUT", "/api/v1/admin/widget", admin, settings(bad));
			assertThat(refused.status()).as("%s", bad).isEqualTo(400);
			assertThat(refused.code()).isEqualTo("invalid-site");
			assertThat(refused.body().path("detail").asString()).contains("no path");
		}
		Map<String, Object> wrongType = settings(null);
		wrongType.put("allowedSites", "https://shop.example.com");
		assertThat(api.call("PUT", "/api/v1/admin/widget", admin, wrongType).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/admin/widget", admin).path("allowedSites").valueStream().map(JsonNode::asString))
			.containsExactly("https://shop.example.com");
	}

	@Test
	void theChatFrameMayBeFramedOnlyByTheListedSitesAndByAnySiteWithoutAList() throws Exception {
		HttpResponse<String> open = get("/chat/?org=" + tenant.slug(), Map.of());
		assertThat(open.headers().firstValue("Content-Security-Policy")).isEmpty();
		assertThat(open.headers().firstValue("X-Frame-Options")).isEmpty();

		api.put("/api/v1/admin/widget", admin, settings(List.of("https://shop.example.com", "https://*.example.cn")));

		for (String path : List.of("/chat/?org=", "/chat?org=", "/chat/index.html?lang=zh-CN&org=")) {
			HttpResponse<String> framed = get(path + tenant.slug(), Map.of());
			assertThat(framed.statusCode()).isEqualTo(200);
			assertThat(framed.headers().firstValue("Content-Security-Policy"))
				.hasValue("frame-ancestors 'self' https://shop.example.com https://*.example.cn");
			assertThat(framed.headers().firstValue("X-Frame-Options")).isEmpty();
		}
		assertThat(get("/chat/?org=no-such-organization", Map.of()).headers().firstValue("Content-Security-Policy"))
			.isEmpty();
	}

	@Test
	void aSessionStartsFromAnAllowedSiteAndIsRefusedFromAnother() throws Exception {
		api.put("/api/v1/admin/widget", admin, settings(List.of("https://shop.example.com", "https://*.example.cn")));

		assertThat(startSession(Map.of("Origin", "https://shop.example.com"), null).statusCode()).isEqualTo(200);
		assertThat(startSession(Map.of("Origin", "https://m.example.cn"), null).statusCode()).isEqualTo(200);
		// The chat frame: Kefu's own origin, with the embedding page's origin handed on by the loader.
		assertThat(startSession(Map.of("Origin", api.base(), "Referer", api.base() + "/chat/?org=x"),
				"https://shop.example.com").statusCode()).isEqualTo(200);
		// Kefu's own pages (the demo, the help center) are always allowed.
		assertThat(startSession(Map.of("Origin", api.base()), api.base()).statusCode()).isEqualTo(200);

		HttpResponse<String> foreign = startSession(Map.of("Origin", "https://evil.example.com"), null);
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(Api.json.readTree(foreign.body()).path("code").asString()).isEqualTo("site-not-allowed");
		assertThat(foreign.body()).contains("https://evil.example.com");
		assertThat(startSession(Map.of("Origin", api.base()), "https://evil.example.com").statusCode()).isEqualTo(403);
		assertThat(startSession(Map.of("Referer", "https://evil.example.com/page"), null).statusCode()).isEqualTo(403);
		assertThat(startSession(Map.of("Origin", "null"), null).statusCode()).isEqualTo(403);
		assertThat(startSession(Map.of("Origin", "https://example.cn"), null).statusCode()).isEqualTo(403);

		// What curl sends: no Origin at all. A program can also forge any Origin; the list protects browsers only.
		assertThat(startSession(Map.of(), null).statusCode()).isEqualTo(200);
	}

	@Test
	void theWidgetsSettingsAreReadableFromAnySiteButRefusedToOneThatIsNotAllowed() throws Exception {
		String path = "/api/v1/widget/" + tenant.slug() + "?v=visit-1&u=https%3A%2F%2Fevil.example.com%2F";
		HttpResponse<String> anywhere = get(path, Map.of("Origin", "https://evil.example.com"));
		assertThat(anywhere.statusCode()).isEqualTo(200);
		assertThat(anywhere.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");

		api.put("/api/v1/admin/widget", admin, settings(List.of("https://shop.example.com")));

		HttpResponse<String> refused = get(path, Map.of("Origin", "https://evil.example.com"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(Api.json.readTree(refused.body()).path("code").asString()).isEqualTo("site-not-allowed");
		assertThat(get(path, Map.of("Origin", "https://shop.example.com")).statusCode()).isEqualTo(200);
	}

	@Test
	void everyResponseSaysHowMuchOfItsAddressOtherSitesMayLearn() throws Exception {
		for (String path : List.of("/chat/", "/desk/", "/widget.js", "/api/v1/widget/" + tenant.slug(),
				"/api/v1/conversations/mine", "/no-such-page")) {
			assertThat(get(path, Map.of()).headers().firstValue("Referrer-Policy")).as(path)
				.hasValue("strict-origin-when-cross-origin");
		}
		// Plain http here: HSTS only on a secure request (SecurityHeadersTest shows the other side).
		assertThat(get("/chat/", Map.of()).headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	private HttpResponse<String> startSession(Map<String, String> headers, String site) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("organization", tenant.slug());
		if (site != null) {
			body.put("site", site);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/visitor/sessions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Api.json.writeValueAsString(body)));
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path));
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, Object> settings(Object sites) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("title", "Kefu Shop");
		settings.put("primaryColor", "#0a7f3f");
		settings.put("greeting", "您好！");
		settings.put("prechatFields", List.of());
		settings.put("allowedSites", sites);
		return settings;
	}
}
