package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** An admin sets up the widget and a canned response in the console; the public widget settings follow. */
@BrowserTest
class AdminConsoleBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void adminChangesTheWidgetWithALivePreviewAndAddsACannedResponse() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		try (Browser admin = Browser.open(1280, 800, "en-US")) {
			login(admin, api, tenant);

			replace(admin, "#widget-form input[name=title]", "Tea House Help");
			admin.withText(By.cssSelector("#preview .mock-bar"), "Tea House Help");
			assertThat(admin.shown(By.id("embed-snippet")).getText())
				.isEqualTo("<script src=\"" + api.base() + "/widget.js\" data-org=\"" + tenant.slug() + "\" async></script>");
			admin.click(By.cssSelector("#widget-form button[type=submit]"));
			admin.shown(By.cssSelector(".saved"));
			admin.screenshot("admin-console");

			admin.click(By.id("tab-canned"));
			admin.type(By.cssSelector("#new-canned input[name=shortcut]"), "hello");
			admin.type(By.cssSelector("#new-canned input[name=title]"), "Greeting");
			admin.type(By.cssSelector("#new-canned textarea[name=text]"), "Hello, how can I help you?");
			admin.click(By.cssSelector("#new-canned button[type=submit]"));
			admin.shown(By.cssSelector("#canned-admin tr[data-shortcut=hello]"));
			admin.type(By.cssSelector("#new-canned input[name=shortcut]"), "hello", Keys.TAB);
			admin.type(By.cssSelector("#new-canned input[name=title]"), "Again");
			admin.type(By.cssSelector("#new-canned textarea[name=text]"), "Duplicate");
			admin.click(By.cssSelector("#new-canned button[type=submit]"));
			assertThat(admin.shown(By.cssSelector(".error.banner")).getText()).isNotBlank();
			// Filed in a folder from the list: the list shows it under that folder's heading.
			admin.type(By.cssSelector("#canned-admin tr[data-shortcut=hello] input[name=folder]"), "Greetings", Keys.TAB);
			admin.withText(By.cssSelector("#canned-admin tr.canned-folder"), "Greetings");
		}
		assertThat(api.get("/api/v1/widget/" + tenant.slug(), null).path("title").asString()).isEqualTo("Tea House Help");
		assertThat(api.get("/api/v1/canned-responses?q=hello", tenant.agentToken(api, 0))).hasSize(1);
		assertThat(api.get("/api/v1/canned-responses?q=hello", tenant.agentToken(api, 0)).get(0).path("folder").asString())
			.isEqualTo("Greetings");
	}

	@Test
	void adminRenamesACenterChangesAndDeletesGroupsSetsHoursAndChangesAStaffMember() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		try (Browser admin = Browser.open(1280, 900, "en-US")) {
			login(admin, api, tenant);
			admin.click(By.id("tab-groups"));
			// Select-all and type, as a person does: clearing first would save an empty name.
			admin.type(By.cssSelector("#centers li input"), Keys.chord(Keys.CONTROL, "a"), "Hangzhou", Keys.TAB);
			admin.shown(By.cssSelector("#centers li[data-center=Hangzhou]"));

			admin.type(By.cssSelector("#group-form input[name=group]"), "Night shift");
			admin.click(By.cssSelector("#group-form button[type=submit]"));
			// Saved and reloaded: opening another group before then would race the save's reset of the form.
			admin.shown(By.cssSelector("tr[data-group='Night shift']"));
			admin.click(By.cssSelector("tr[data-group='General'] .edit"));
			replace(admin, "#group-form input[name=replyWarnSeconds]", "30");
			replace(admin, "#group-form input[name=replyAlertSeconds]", "20");
			admin.click(By.cssSelector("#group-form button[type=submit]"));
			assertThat(admin.shown(By.cssSelector(".error.banner")).getText()).contains("warn < alert");
			replace(admin, "#group-form input[name=replyAlertSeconds]", "90");
			admin.click(By.cssSelector("#group-form button[type=submit]"));
			admin.withText(By.cssSelector("tr[data-group='General']"), "amber 30 s, red 90 s");

			admin.click(By.cssSelector("tr[data-group='General'] td:nth-child(5) button"));
			admin.click(By.cssSelector("#hours .day:nth-child(3) input[type=checkbox]"));
			admin.click(By.cssSelector("#hours button[type=submit]"));
			admin.withText(By.cssSelector("tr[data-group='General']"), "Mon 09:00–18:00");

			admin.click(By.cssSelector("tr[data-group='Night shift'] .delete"));
			admin.driver().switchTo().alert().accept();
			admin.await(d -> d.findElements(By.cssSelector("tr[data-group='Night shift']")).isEmpty());

			admin.click(By.id("tab-staff"));
			admin.click(By.cssSelector("tr[data-username='" + tenant.agent(0).username() + "'] .edit"));
			replace(admin, "#staff-form input[name=displayName]", "Li Ming");
			admin.click(By.xpath("//form[@id='staff-form']//label[contains(., 'Supervisor')]/input"));
			admin.type(By.cssSelector("#staff-form input[name=password]"), "a-new-secret-42");
			admin.click(By.cssSelector("#staff-form button[type=submit]"));
			admin.withText(By.cssSelector("tr[data-username='" + tenant.agent(0).username() + "']"), "Supervisor");
			// The browser logs the refused reply targets as a failed request; nothing else may fail.
			assertThat(admin.consoleErrors()).filteredOn(e -> !e.contains("status of 400")).isEmpty();
		}
		JsonNode member = api.get("/api/v1/admin/staff/" + tenant.agent(0).id(), tenant.adminToken(api));
		assertThat(member.path("displayName").asString()).isEqualTo("Li Ming");
		assertThat(member.path("roles").valueStream().map(JsonNode::asString)).contains("AGENT", "SUPERVISOR");
		assertThat(api.login(tenant.agent(0).username(), "a-new-secret-42")).isNotBlank();
		assertThat(api.get("/api/v1/admin/groups/" + tenant.group().id() + "/hours", tenant.adminToken(api))
			.path("hours")).hasSize(1);
	}

	/**
	 * Each change reloads the console, and reloads overlap. Here the reload after a rename is still reading the
	 * opening hours, held back as on a busy server, when the admin saves new hours: its late answer, read before the
	 * save, must not replace the hours the newer reload read after it.
	 */
	@Test
	void hoursJustSavedStayShownWhenAnOlderReloadAnswersLate() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		try (Browser admin = Browser.open(1280, 900, "en-US")) {
			login(admin, api, tenant);
			admin.click(By.id("tab-groups"));
			By general = By.cssSelector("tr[data-group='General']");
			admin.withText(general, "Always open");
			admin.script("""
					const send = window.fetch;
					let saved = false;
					window.fetch = async (url, options = {}) => {
					  const method = options.method || 'GET';
					  const hours = String(url).endsWith('/hours');
					  saved ||= hours && method === 'PUT';
					  const late = hours && method === 'GET' && !saved;
					  const response = await send(url, options);
					  if (late) await new Promise((done) => setTimeout(done, 3000));
					  return response;
					};""");

			admin.type(By.cssSelector("#centers li input"), Keys.chord(Keys.CONTROL, "a"), "Hangzhou", Keys.TAB);
			admin.click(By.cssSelector("tr[data-group='General'] td:nth-child(5) button"));
			admin.click(By.cssSelector("#hours .day:nth-child(3) input[type=checkbox]"));
			admin.click(By.cssSelector("#hours button[type=submit]"));

			admin.withText(general, "Mon 09:00–18:00");
			await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
				.until(() -> admin.driver().findElement(general).getText().contains("Mon 09:00–18:00"));
		}
	}

	private static void login(Browser admin, Api api, TestTenant tenant) {
		admin.get(api.base() + "/admin/");
		admin.type(By.cssSelector("#login input[name=username]"), tenant.adminUsername());
		admin.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
		admin.click(By.cssSelector("#login button[type=submit]"));
	}

	/**
	 * Select-all and type, as a person does. WebDriver's clear() fires no input event, so Vue still holds the old
	 * value and the next re-render puts it back in front of what is typed ("Agent 1Li Ming").
	 */
	private static void replace(Browser browser, String css, String value) {
		browser.type(By.cssSelector(css), Keys.chord(Keys.CONTROL, "a"), value);
		browser.await(d -> value.equals(d.findElement(By.cssSelector(css)).getDomProperty("value")));
	}
}
