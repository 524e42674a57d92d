package dev.kefu.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** The widget reports the customer's visit for their own open chat; the organization's staff read it. */
@ServerTest
class VisitApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	ServedChat chat;

	@BeforeEach
	void aServedChat() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
	}

	@Test
	void theVisitorReportsTheVisitAndTheAgentReadsIt() {
		api.put(path(), chat.visitor(), visit(List.of(page("https://shop.example/", "Home"),
				page("https://shop.example/tea?id=7", "Tea set · 茶具")), "https://www.baidu.com/s?wd=tea", "zh-CN"));

		JsonNode visit = api.get(staffPath(), chat.agentToken());
		assertThat(visit.path("url").asString()).isEqualTo("https://shop.example/tea?id=7");
		assertThat(visit.path("title").asString()).isEqualTo("Tea set · 茶具");
		assertThat(visit.path("referrer").asString()).isEqualTo("https://www.baidu.com/s?wd=tea");
		assertThat(visit.path("language").asString()).isEqualTo("zh-CN");
		assertThat(visit.path("device").asString()).isEqualTo("desktop");
		assertThat(visit.path("pages")).hasSize(2);

		// The customer moves on: the visit is replaced, not added to.
		api.put(path(), chat.visitor(), visit(List.of(page("https://shop.example/cart", "Cart")), null, "en"));
		assertThat(api.get(staffPath(), chat.agentToken()).path("pages")).hasSize(1);
	}

	@Test
	void aConversationWithoutAReportedVisitHasNoContent() {
		assertThat(api.call("GET", staffPath(), chat.agentToken(), null).status()).isEqualTo(204);
	}

	@Test
	void refusesAddressesThatAreNotHttpAndPartsOverTheirBounds() {
		assertRefused(visit(List.of(page("javascript:alert(1)", "x")), null, null), "visit-url");
		assertRefused(visit(List.of(page("data:text/html,hi", "x")), null, null), "visit-url");
		assertRefused(visit(List.of(page("/relative", "x")), null, null), "visit-url");
		assertRefused(visit(List.of(page("https://shop.example/" + "a".repeat(2048), "x")), null, null), "visit-url");
		assertRefused(visit(List.of(page("https://shop.example/", "t".repeat(201))), null, null), "visit-title");
		assertRefused(visit(List.of(page("https://shop.example/", "x")), "javascript:alert(1)", null), "visit-referrer");
		assertRefused(visit(List.of(page("https://shop.example/", "x")), null, "<script>"), "visit-language");
		assertRefused(visit(List.of(), null, null), "visit-pages");
		assertRefused(visit(java.util.Collections.nCopies(21, page("https://shop.example/", "x")), null, null),
				"visit-pages");

		// At the bounds it is kept.
		api.put(path(), chat.visitor(), visit(java.util.Collections.nCopies(20,
				page("https://shop.example/" + "a".repeat(2000), "t".repeat(200))), null, null));
		assertThat(api.get(staffPath(), chat.agentToken()).path("pages")).hasSize(20);
	}

	@Test
	void onlyTheConversationsOwnVisitorReportsAndOnlyItsOrganizationsStaffRead() {
		Object report = visit(List.of(page("https://shop.example/", "Home")), null, null);
		String stranger = api.visitor(tenant.slug());
		assertThat(api.call("PUT", path(), stranger, report).status()).isEqualTo(404);
		assertThat(api.call("PUT", path(), chat.agentToken(), report).status()).isEqualTo(403);
		assertThat(api.call("PUT", path(), null, report).status()).isEqualTo(401);

		api.put(path(), chat.visitor(), report);
		TestTenant other = TestTenant.create(context, 1, 1);
		assertThat(api.call("GET", staffPath(), other.agentToken(api, 0), null).status()).isEqualTo(404);
		assertThat(api.call("GET", staffPath(), chat.visitor(), null).status()).isEqualTo(403);
	}

	@Test
	void aClosedConversationKeepsItsLastVisit() {
		api.put(path(), chat.visitor(), visit(List.of(page("https://shop.example/", "Home")), null, null));
		chat.close();
		Api.Response late = api.call("PUT", path(), chat.visitor(),
				visit(List.of(page("https://shop.example/later", "Later")), null, null));
		assertThat(late.status()).isEqualTo(409);
		assertThat(api.get(staffPath(), chat.agentToken()).path("title").asString()).isEqualTo("Home");
	}

	private void assertRefused(Object report, String code) {
		Api.Response answer = api.call("PUT", path(), chat.visitor(), report);
		assertThat(answer.status()).as(code).isEqualTo(400);
		assertThat(answer.code()).isEqualTo(code);
	}

	private String path() {
		return "/api/v1/visitor/conversations/" + chat.id() + "/visit";
	}

	private String staffPath() {
		return "/api/v1/conversations/" + chat.id() + "/visit";
	}

	private static Map<String, Object> page(String url, String title) {
		return Map.of("url", url, "title", title, "at", "2026-01-05T08:00:00Z");
	}

	private static Map<String, Object> visit(List<Map<String, Object>> pages, String referrer, String language) {
		Map<String, Object> visit = new java.util.HashMap<>();
		visit.put("pages", pages);
		visit.put("referrer", referrer);
		visit.put("language", language);
		return visit;
	}
}
