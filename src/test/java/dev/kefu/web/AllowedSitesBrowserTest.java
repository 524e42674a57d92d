package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.sun.net.httpserver.HttpServer;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * A company's page on a site of its own (a small HTTP server here), reached under two origins: as
 * {@code http://localhost:<port>}, which the organization allows, the widget opens and the chat starts; as
 * {@code http://127.0.0.1:<port>}, another origin to the browser, the loader shows no launcher and the browser refuses
 * to show the chat frame that the page puts in itself, as another site copying the chat would.
 */
@BrowserTest
class AllowedSitesBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theWidgetAppearsOnAnAllowedSiteAndNotOnAnother() throws IOException {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		try (CompanySite site = new CompanySite(api.base(), tenant.slug());
				Browser browser = Browser.open(1280, 800, "en-US")) {
			api.put("/api/v1/admin/widget", admin, Map.of("title", "Kefu Shop", "primaryColor", "#0a7f3f",
					"greeting", "Hello from the shop", "prechatFields", List.of()));

			// The admin lists the company's site in the console's widget tab; a path is refused, saying why.
			browser.get(api.base() + "/admin/");
			browser.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
			browser.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
			browser.click(By.cssSelector("#login button[type=submit]"));
			browser.withText(By.id("allowed-sites-hint"), "Empty: the widget may be shown on any site.");
			browser.type(By.id("allowed-sites"), "http://localhost:" + site.port() + "/shop.html");
			browser.click(By.cssSelector("#widget-form button[type=submit]"));
			browser.withText(By.cssSelector(".error.banner"), "no path");
			browser.type(By.id("allowed-sites"), Keys.chord(Keys.CONTROL, "a"), "http://localhost:" + site.port());
			browser.click(By.cssSelector("#widget-form button[type=submit]"));
			browser.shown(By.cssSelector(".saved"));
			browser.withText(By.id("allowed-sites-hint"), "Only these sites (and Kefu itself) may show the widget");
			assertThat(api.get("/api/v1/admin/widget", admin).path("allowedSites").valueStream().map(JsonNode::asString))
				.containsExactly("http://localhost:" + site.port());

			browser.get("http://localhost:" + site.port() + "/shop.html");
			DemoPage.openWidget(browser);
			browser.withText(By.id("greeting"), "Hello from the shop");
			browser.driver().switchTo().defaultContent();

			List<String> logged = new ArrayList<>();
			browser.get("http://127.0.0.1:" + site.port() + "/shop.html");
			browser.await(d -> {
				logged.addAll(browser.consoleMessages());
				return logged.stream().anyMatch(m -> m.contains("not among the sites allowed"))
						&& logged.stream().anyMatch(m -> m.contains("frame-ancestors"));
			});
			assertThat(browser.driver().findElements(By.id("kefu-widget"))).isEmpty();
			// The copied frame shows the browser's own error page, not the chat.
			browser.driver().switchTo().frame(browser.driver().findElement(By.id("copied-chat")));
			assertThat(browser.driver().findElements(By.id("app"))).isEmpty();
			browser.driver().switchTo().defaultContent();

			// Opened by itself with another site named as its host, the chat says it is not available there.
			browser.get(api.base() + "/chat/?org=" + tenant.slug() + "&site="
					+ Api.encode("http://127.0.0.1:" + site.port()));
			browser.withText(By.id("site-not-allowed"), "This chat is not available on this website.");
			browser.consoleMessages();
		}
	}

	/** The company's site: one page with the embed line and, as a copier would have it, the chat in a frame. */
	private static final class CompanySite implements AutoCloseable {

		private final HttpServer server;

		CompanySite(String kefu, String slug) throws IOException {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/shop.html", exchange -> {
				byte[] page = """
						<!doctype html><html><head><meta charset="utf-8"><title>A shop</title></head><body>
						<h1>A shop</h1>
						<iframe id="copied-chat" src="%1$s/chat/?org=%2$s" width="300" height="200"></iframe>
						<script src="%1$s/widget.js" data-org="%2$s" data-lang="en" async></script>
						</body></html>""".formatted(kefu, slug).getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders(200, page.length);
				exchange.getResponseBody().write(page);
				exchange.close();
			});
			server.start();
		}

		int port() {
			return server.getAddress().getPort();
		}

		@Override
		public void close() {
			server.stop(0);
		}
	}
}
