package dev.kefu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Role;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** The widget's settings request reports the page view; supervisors see the visits on their site, nobody else. */
@ServerTest
class VisitorsOnlineTest {

	static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	@Test
	void aSettingsFetchWithVisitParametersRegistersTheVisitAndLaterViewsUpdateIt() throws Exception {
		TestTenant tenant = TestTenant.create(context, 1, 1);
		String admin = tenant.adminToken(api);

		assertThat(settings(tenant, "?v=visit-0001&u=" + Api.encode("https://shop.example/home") + "&t=Home&r="
				+ Api.encode("https://search.example/?q=kefu") + "&l=zh-CN")).isEqualTo(200);
		assertThat(settings(tenant, "?v=visit-0002&u=" + Api.encode("https://shop.example/about"))).isEqualTo(200);
		assertThat(settings(tenant, "?v=visit-0001&u=" + Api.encode("https://shop.example/cart") + "&t="
				+ Api.encode("购物车") + "&r=" + Api.encode("https://shop.example/home") + "&l=zh-CN")).isEqualTo(200);

		JsonNode visitors = api.get("/api/v1/supervision/visitors", admin);
		assertThat(visitors.valueStream().map(v -> v.path("id").asString())).containsExactly("visit-0001", "visit-0002");
		JsonNode shopper = visitors.get(0);
		assertThat(shopper.path("url").asString()).isEqualTo("https://shop.example/cart");
		assertThat(shopper.path("title").asString()).isEqualTo("购物车");
		assertThat(shopper.path("referrer").asString()).as("the visit's first referrer")
			.isEqualTo("https://search.example/?q=kefu");
		assertThat(shopper.path("device").asString()).isEqualTo("mobile");
		assertThat(shopper.path("browser").asString()).isEqualTo("safari");
		assertThat(shopper.path("language").asString()).isEqualTo("zh-CN");
		assertThat(shopper.path("pageViews").asInt()).isEqualTo(2);
		assertThat(shopper.path("lastSeen").asString()).isGreaterThanOrEqualTo(shopper.path("firstSeen").asString());
		assertThat(visitors.get(1).path("pageViews").asInt()).isEqualTo(1);
		assertThat(visitors.get(1).has("referrer")).isFalse();
	}

	@Test
	void badParametersAreIgnoredAndTheSettingsStillAnswer() throws Exception {
		TestTenant tenant = TestTenant.create(context, 1, 1);
		String longUrl = "https://shop.example/" + "a".repeat(5000);

		for (String query : List.of("?v=short&u=" + Api.encode("https://shop.example/"),
				"?v=" + Api.encode("<script>alert(1)</script>") + "&u=" + Api.encode("https://shop.example/"),
				"?v=visit-0003&u=" + Api.encode("javascript:alert(1)"), "?v=visit-0004",
				"?u=" + Api.encode("https://shop.example/"), "?v=&u=&t=&r=&l=")) {
			assertThat(settings(tenant, query)).as(query).isEqualTo(200);
		}
		assertThat(settings(tenant, "?v=visit-0005&u=" + Api.encode(longUrl) + "&t=" + Api.encode("标题".repeat(150))
				+ "&r=" + Api.encode("ftp://elsewhere") + "&l=" + Api.encode("not a language"))).isEqualTo(200);

		JsonNode visitors = api.get("/api/v1/supervision/visitors", tenant.adminToken(api));
		assertThat(visitors.valueStream().map(v -> v.path("id").asString())).containsExactly("visit-0005");
		JsonNode kept = visitors.get(0);
		assertThat(kept.path("url").asString()).hasSize(512).startsWith("https://shop.example/");
		assertThat(kept.path("title").asString()).hasSize(200);
		assertThat(kept.has("referrer")).isFalse();
		assertThat(kept.has("language")).isFalse();
	}

	@Test
	void onlySupervisorsAndAdminsOfTheOrganizationSeeItsVisitors() throws Exception {
		TestTenant tenant = TestTenant.create(context, 1, 1);
		TestTenant other = TestTenant.create(context, 1, 1);
		settings(tenant, "?v=visit-0006&u=" + Api.encode("https://shop.example/"));
		context.getBean(StaffMembers.class).create(tenant.id(), tenant.slug() + "-lead", TestTenant.PASSWORD,
				new StaffMembers.Profile("Lead", null, Set.of(Role.SUPERVISOR), 1, true, List.of(tenant.group().id())));

		assertThat(api.call("GET", "/api/v1/supervision/visitors", tenant.agentToken(api, 0), null).status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/supervision/visitors", api.login(tenant.slug() + "-lead", TestTenant.PASSWORD))
			.valueStream().map(v -> v.path("id").asString())).containsExactly("visit-0006");
		assertThat(api.get("/api/v1/supervision/visitors", other.adminToken(api)).isEmpty()).isTrue();
	}

	private int settings(TestTenant tenant, String query) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/widget/" + tenant.slug() + query))
			.header("User-Agent", IPHONE)
			.GET()
			.build();
		return api.http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
