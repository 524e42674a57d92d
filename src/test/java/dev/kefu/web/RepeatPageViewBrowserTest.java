package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/**
 * What the widget costs a company's page, measured in the browser with the Resource Timing API. The cost is every
 * resource the page loads besides the page itself (on the demo page that is the loader, what it fetches, and the
 * page's own icon, which is counted too), and everything the frames Kefu adds load: for each, the bytes that crossed
 * the network (headers included). A file taken from the browser's cache moves no bytes and is not a request; a
 * revalidation (a 304) is one. The repeat view is another page of the same shop, at once after the first.
 */
@BrowserTest
class RepeatPageViewBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aRepeatPageViewWithTheWidgetClosedCostsAtMostOneRequestAndFiveKilobytes() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		try (Browser browser = Browser.open(1280, 800, "en-US")) {
			browser.get(api.base() + "/demo?org=" + tenant.slug());
			Cost first = widgetCost(browser);

			// The visitor goes on to another page of the shop, the widget still closed.
			browser.get(api.base() + "/demo?org=" + tenant.slug() + "&page=2");
			Cost repeat = widgetCost(browser);

			assertThat(repeat.requests()).as("requests of a repeat view (first view: %s): %s", first, repeat)
				.isLessThanOrEqualTo(1);
			assertThat(repeat.bytes()).as("bytes of a repeat view: %s", repeat).isLessThanOrEqualTo(5 * 1024);
			assertThat(frames(browser)).as("no chat frame before the visitor asks for one").isZero();
			// That one request also told the supervisors who is on the site: one visit, two pages, the second now.
			List<Map<String, Object>> visitors = Api.json.convertValue(
					api.get("/api/v1/supervision/visitors", tenant.adminToken(api)), List.class);
			assertThat(visitors).singleElement().satisfies(visit -> {
				assertThat(visit.get("pageViews")).isEqualTo(2);
				assertThat((String) visit.get("url")).endsWith("&page=2");
				assertThat(visit.get("language")).isEqualTo("en-US");
				assertThat(visit.get("device")).isEqualTo("desktop");
			});

			// The chat is still there when asked for.
			DemoPage.openWidget(browser);
			browser.shown(By.id("prechat"));
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aVisitorWithAChatGoingSeesTheUnreadBadgeOnTheNextPageWithoutOpeningTheWidget() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		try (Browser browser = Browser.open(1280, 800, "en-US")) {
			browser.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(browser);
			browser.type(By.cssSelector("#prechat input[name=name]"), "Zhao Lei");
			browser.click(By.cssSelector("#prechat button[type=submit]"));
			browser.type(By.id("message"), "Is the tea set in stock?", Keys.ENTER);
			browser.withText(By.cssSelector(".msg.me .mark"), "Delivered");
			String conversationId = api.get("/api/v1/conversations/mine", agent).get(0).path("id").asString();

			browser.driver().switchTo().defaultContent();
			browser.get(api.base() + "/demo?org=" + tenant.slug() + "&page=2");
			browser.await(d -> frames(browser) == 1);
			api.post("/api/v1/conversations/" + conversationId + "/messages", agent,
					Map.of("clientMsgId", "agent-1", "text", "Yes, 12 left."));

			String unread = browser.await(d -> DemoPage.badge(browser).orElse(null));
			assertThat(unread).isEqualTo("1");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	/** The chat frames the widget made, on the host page. */
	private static long frames(Browser browser) {
		SearchContext shadow = browser.await(d -> d.findElement(By.id("kefu-widget"))).getShadowRoot();
		return shadow.findElements(By.cssSelector("iframe")).size();
	}

	/** What the page loaded besides itself, once the launcher is drawn and nothing more arrives for a second. */
	private static Cost widgetCost(Browser browser) {
		browser.await(d -> d.findElement(By.id("kefu-widget")));
		AtomicInteger seen = new AtomicInteger(-1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
			.until(() -> {
				int now = loads(browser).size();
				return seen.getAndSet(now) == now;
			});
		return Cost.of(loads(browser));
	}

	/**
	 * The page's resources and those of the frames in it (same origin, so readable), frames inside shadow roots
	 * included. A frame's own page is already one of its parent's resources (initiator "iframe").
	 */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> loads(Browser browser) {
		return (List<Map<String, Object>>) browser.script("""
				const loads = [];
				const collect = (win) => {
				  win.performance.getEntriesByType('resource')
				    .forEach((e) => loads.push({ name: e.name, bytes: e.transferSize }));
				  const frames = [];
				  const walk = (root) => root.querySelectorAll('*').forEach((el) => {
				    if (el.tagName === 'IFRAME') frames.push(el);
				    if (el.shadowRoot) walk(el.shadowRoot);
				  });
				  walk(win.document);
				  frames.forEach((frame) => { try { collect(frame.contentWindow); } catch (crossOrigin) { } });
				};
				collect(window);
				return loads;
				""");
	}

	/** Requests that went to the network, and the bytes they moved. */
	record Cost(long requests, long bytes, List<String> names) {

		static Cost of(List<Map<String, Object>> loads) {
			List<Map<String, Object>> sent = loads.stream().filter(load -> bytes(load) > 0).toList();
			return new Cost(sent.size(), sent.stream().mapToLong(Cost::bytes).sum(),
					sent.stream().map(load -> load.get("name") + " " + bytes(load)).toList());
		}

		private static long bytes(Map<String, Object> load) {
			return ((Number) load.get("bytes")).longValue();
		}
	}
}
