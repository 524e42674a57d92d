package dev.kefu.web;

import org.openqa.selenium.By;

import dev.kefu.testing.Browser;
import dev.kefu.testing.TestTenant;

/** The staff app (live view, reports, quality), as staff use it. */
final class OpsPage {

	/** The app's address, as the desk links to it. */
	static final String PATH = "/ops/";

	private OpsPage() {
	}

	/** Logs in and waits for the tab the staff member's roles start on. */
	static void login(Browser ops, String base, String username) {
		ops.get(base + PATH);
		ops.type(By.cssSelector("#login input[name=username]"), username);
		ops.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
		ops.click(By.cssSelector("#login button[type=submit]"));
		ops.shown(By.cssSelector(".views [role=tab][aria-selected=true]"));
	}
}
