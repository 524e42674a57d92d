package dev.kefu.web;

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
}
