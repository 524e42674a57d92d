package dev.kefu.web;

import org.openqa.selenium.By;

import dev.kefu.testing.Browser;
import dev.kefu.testing.TestTenant;

/** The agent desk, as an agent uses it. */
final class DeskPage {

	private DeskPage() {
	}

	static void login(Browser desk, String base, String username) {
		desk.get(base + "/desk/");
		desk.type(By.cssSelector("#login input[name=username]"), username);
		desk.type(By.cssSelector("#login input[name=password]"), TestTenant.PASSWORD);
		desk.click(By.cssSelector("#login button[type=submit]"));
		desk.shown(By.id("status"));
	}
}
