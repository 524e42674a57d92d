package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * The admin console's knowledge base tab: an FAQ entry written, published, changed, compared and restored, an
 * import with a bad row, the export, and a save refused because someone else saved first.
 */
@BrowserTest
class KnowledgeConsoleBrowserTest {

	private static final String QUESTION = "How do I reset my password?";
	private static final String FIRST_ANSWER = "Open **Settings**.\nChoose Reset password.";
	private static final String SECOND_ANSWER = "Open **Settings**.\nChoose Forgot password.";
	private static final String CONCURRENT_ANSWER = "Open Settings, then choose Reset password.";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path dir;

	@Test
	void adminWritesComparesRestoresImportsAndExportsFaqEntries() throws IOException {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String token = tenant.adminToken(api);
		// Line 3 has no answer: refused with its row number while line 2 is imported.
		Path csv = Files.writeString(dir.resolve("faq.csv"), """
				question,answer,phrasings
				Do you ship abroad?,"Yes, to 40 countries.",shipping abroad|international delivery
				Where is my parcel?,,track my order
				""");
		String id;
		try (Browser admin = Browser.open(1280, 1200, "en-US")) {
			login(admin, api, tenant.adminUsername());
			admin.click(By.id("tab-knowledge"));
			admin.shown(By.id("knowledge"));

			admin.type(By.cssSelector("#kb-form input[name=title]"), QUESTION);
			admin.type(By.cssSelector("#kb-form textarea[name=body]"), FIRST_ANSWER);
			admin.withText(By.cssSelector("#kb-preview strong"), "Settings");
			admin.type(By.cssSelector("#kb-form textarea[name=phrasings]"), "I forgot my password\nCannot log in");
			select(admin, "#kb-form select[name=status]", "PUBLISHED");
			admin.click(By.cssSelector("#kb-form button[type=submit]"));
			admin.withText(By.cssSelector("#kb-form h3"), "Editing version 1");
			admin.withText(By.cssSelector("#kb-articles tr[data-title='" + QUESTION + "']"), "Published");
			id = article(api, token, QUESTION).path("id").asString();

			replace(admin, "#kb-form textarea[name=body]", SECOND_ANSWER);
			admin.click(By.cssSelector("#kb-form button[type=submit]"));
			admin.withText(By.cssSelector("#kb-form h3"), "Editing version 2");
			admin.shown(By.cssSelector("#kb-versions tr[data-version='1']"));
			select(admin, "#kb-compare select[name=from]", "1");
			select(admin, "#kb-compare select[name=to]", "2");
			admin.click(By.cssSelector("#kb-compare button[type=submit]"));
			admin.withText(By.cssSelector("#kb-diff .diff .removed"), "Choose Reset password.");
			admin.withText(By.cssSelector("#kb-diff .diff .added"), "Choose Forgot password.");
			assertThat(admin.shown(By.cssSelector("#kb-diff .diff .same")).getText()).contains("Open **Settings**.");
			admin.script("const panel = document.getElementById('knowledge'); panel.scrollTop = panel.scrollHeight");
			admin.screenshot("admin-knowledge");

			admin.click(By.cssSelector("#kb-versions tr[data-version='1'] .restore"));
			admin.withText(By.cssSelector("#kb-form h3"), "Editing version 3");
			admin.await(d -> body(admin).equals(FIRST_ANSWER));

			// Someone else saves in between: the console's save is refused with the server's reason, and the editor
			// can load what is there now and apply the change again.
			api.put("/api/v1/knowledge/articles/" + id, token, Map.of("expectedVersion", 3, "title", QUESTION, "body",
					CONCURRENT_ANSWER, "phrasings", List.of("I forgot my password", "Cannot log in"), "status", "PUBLISHED"));
			admin.type(By.cssSelector("#kb-form input[name=tags]"), "account");
			admin.click(By.cssSelector("#kb-form button[type=submit]"));
			assertThat(admin.shown(By.cssSelector(".error.banner")).getText()).contains("version 4");
			admin.click(By.id("kb-reload"));
			admin.withText(By.cssSelector("#kb-form h3"), "Editing version 4");
			admin.await(d -> body(admin).equals(CONCURRENT_ANSWER));
			admin.type(By.cssSelector("#kb-form input[name=tags]"), "account");
			admin.click(By.cssSelector("#kb-form button[type=submit]"));
			admin.withText(By.cssSelector("#kb-form h3"), "Editing version 5");

			admin.driver().findElement(By.cssSelector("#kb-import input[type=file]")).sendKeys(csv.toString());
			admin.await(d -> d.findElement(By.cssSelector("#kb-import button[type=submit]")).isEnabled());
			admin.click(By.cssSelector("#kb-import button[type=submit]"));
			admin.withText(By.id("kb-imported"), "1 imported.");
			admin.withText(By.cssSelector("#kb-import-errors tr[data-row='3']"), "invalid-body");
			admin.withText(By.cssSelector("#kb-articles tr[data-title='Do you ship abroad?']"), "Draft");

			// The search marks the words it matched; the list comes back when the box is emptied.
			admin.type(By.cssSelector("#kb-filters input[name=q]"), "password");
			admin.withText(By.cssSelector("#kb-hits .kb-hit mark"), "password");
			admin.click(By.cssSelector("#kb-hits .link"));
			admin.shown(By.id("kb-articles"));

			// The export is fetched with the token and handed to the browser as a file: catch the file's content.
			admin.script("URL.createObjectURL = ((make) => (blob) => { blob.text().then((text) => { window.exported = text; });"
					+ " return make.call(URL, blob); })(URL.createObjectURL); HTMLAnchorElement.prototype.click = function () {};");
			admin.click(By.xpath("//p[@id='kb-export']/button[contains(., 'CSV')]"));
			admin.await(d -> String.valueOf(admin.script("return window.exported || ''")).contains(QUESTION));
			// The browser logs the refused save as a failed request; nothing else may fail.
			assertThat(admin.consoleErrors()).filteredOn(e -> !e.contains("status of 409")).isEmpty();
		}
		JsonNode entry = api.get("/api/v1/knowledge/articles/" + id, token);
		assertThat(entry.path("version").asInt()).isEqualTo(5);
		assertThat(entry.path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(entry.path("body").asString()).isEqualTo(CONCURRENT_ANSWER);
		assertThat(entry.path("tags").valueStream().map(JsonNode::asString)).containsExactly("account");
		assertThat(entry.path("phrasings").valueStream().map(JsonNode::asString))
			.containsExactly("I forgot my password", "Cannot log in");
		assertThat(api.get("/api/v1/knowledge/articles/" + id + "/versions/2", token).path("body").asString())
			.isEqualTo(SECOND_ANSWER);
		assertThat(api.get("/api/v1/knowledge/articles/" + id + "/versions/3", token).path("body").asString())
			.isEqualTo(FIRST_ANSWER);
		JsonNode imported = article(api, token, "Do you ship abroad?");
		assertThat(imported.path("status").asString()).isEqualTo("DRAFT");
		assertThat(imported.path("phrasings")).hasSize(2);
		assertThat(api.get("/api/v1/knowledge/articles", token)).hasSize(2);
	}

	@Test
	void aKnowledgeEditorWhoIsNoAdminGetsTheKnowledgeBaseAlone() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String editor = tenant.slug() + "-editor";
		api.post("/api/v1/admin/staff", tenant.adminToken(api), Map.of("username", editor, "password",
				TestTenant.PASSWORD, "displayName", "Editor", "roles", List.of("KB_EDITOR"), "maxChats", 1));
		try (Browser browser = Browser.open(1280, 800, "en-US")) {
			login(browser, api, editor);
			browser.shown(By.id("knowledge"));
			assertThat(browser.driver().findElements(By.cssSelector(".views [role=tab]"))).hasSize(1);
			browser.type(By.cssSelector("#kb-form input[name=title]"), "Can I pay by invoice?");
			browser.type(By.cssSelector("#kb-form textarea[name=body]"), "Yes, for orders over 500 yuan.");
			browser.click(By.cssSelector("#kb-form button[type=submit]"));
			browser.withText(By.cssSelector("#kb-articles tr[data-title='Can I pay by invoice?']"), "Draft");
			// Opened again with the login still held: the page asks whose it is and shows the same tab.
			browser.driver().navigate().refresh();
			browser.withText(By.cssSelector("#kb-articles tr[data-title='Can I pay by invoice?']"), "Draft");
			// Nothing the console asked for was refused (the admin-only endpoints were never called).
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	private static void login(Browser browser, Api api, String username) {
		browser.get(api.base() + "/admin/");
		browser.type(By.cssSelector("#login input[name=username]"), username);
		browser.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
		browser.click(By.cssSelector("#login button[type=submit]"));
	}

	private static JsonNode article(Api api, String token, String title) {
		return api.get("/api/v1/knowledge/articles", token).valueStream()
			.filter(a -> a.path("title").asString().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no article titled " + title));
	}

	private static String body(Browser browser) {
		return browser.shown(By.cssSelector("#kb-form textarea[name=body]")).getDomProperty("value");
	}

	private static void select(Browser browser, String css, String value) {
		new Select(browser.shown(By.cssSelector(css))).selectByValue(value);
	}

	/** Select-all and type, as a person does. */
	private static void replace(Browser browser, String css, String value) {
		browser.type(By.cssSelector(css), Keys.chord(Keys.CONTROL, "a"), value);
	}
}
