package dev.kefu.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

import dev.kefu.testing.Browser;

/** The demo shop page with the widget, as a visitor uses it. */
final class DemoPage {

	private DemoPage() {
	}

	/** Clicks the launcher (inside the widget's shadow root) and switches into the chat iframe. */
	static void openWidget(Browser browser) {
		browser.driver().switchTo().defaultContent();
		// The host element has no box of its own (its children are fixed), so it is found, not "shown".
		WebElement host = browser.await(d -> d.findElement(By.id("kefu-widget")));
		SearchContext shadow = host.getShadowRoot();
		browser.await(d -> shadow.findElement(By.cssSelector(".launcher"))).click();
		browser.driver().switchTo().frame(browser.shown(shadow, By.cssSelector("iframe")));
	}

	/** The unread count on the launcher, if shown; call it from the host page, not the chat frame. */
	static Optional<String> badge(Browser browser) {
		WebElement badge = browser.driver().findElement(By.id("kefu-widget")).getShadowRoot()
			.findElement(By.cssSelector(".badge"));
		return badge.isDisplayed() ? Optional.of(badge.getText()) : Optional.empty();
	}

	/** A 1×1 PNG named receipt.png, to send as a picture. */
	static Path picture(Path dir) throws IOException {
		return Files.write(dir.resolve("receipt.png"), Base64.getDecoder().decode(
				"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
	}
}
