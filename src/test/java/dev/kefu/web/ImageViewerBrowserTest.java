package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.Browser;
import dev.kefu.testing.BrowserTest;
import dev.kefu.testing.TestTenant;

/** A picture in a chat opens in the viewer, in the widget and on the desk, and closes with Esc or a click beside it. */
@BrowserTest
class ImageViewerBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void pictureSentByTheCustomerOpensInTheViewerOnBothSides(@TempDir Path dir) throws Exception {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		try (Browser desk = Browser.open(1280, 800, "en-US"); Browser visitor = Browser.open(1280, 800, "en-US")) {
			DeskPage.login(desk, api.base(), tenant.agent(0).username());
			desk.await(d -> {
				new Select(desk.shown(By.id("status"))).selectByValue("ONLINE");
				return api.get("/api/v1/agents/me", tenant.agentToken(api, 0)).path("status").asString().equals("ONLINE");
			});
			visitor.get(api.base() + "/demo?org=" + tenant.slug());
			DemoPage.openWidget(visitor);
			visitor.type(By.cssSelector("#prechat input[name=name]"), "Zhang Wei");
			visitor.click(By.cssSelector("#prechat button[type=submit]"));
			visitor.type(By.id("message"), "Here is the receipt", Keys.ENTER);
			visitor.driver().findElement(By.id("file")).sendKeys(DemoPage.picture(dir).toString());

			visitor.click(By.cssSelector(".msg.me .attachment img"));
			WebElement shown = visitor.shown(By.cssSelector("#image-viewer img"));
			assertThat(shown.getAttribute("src")).contains("/api/v1/");
			assertThat(visitor.shown(By.cssSelector("#image-viewer .original")).getAttribute("href"))
				.isEqualTo(shown.getAttribute("src"));
			new Actions(visitor.driver()).sendKeys(Keys.ESCAPE).perform();
			visitor.await(d -> !d.findElement(By.id("image-viewer")).isDisplayed());

			desk.withText(By.cssSelector("#chats .chat-item"), "Zhang Wei").click();
			desk.click(By.cssSelector(".msg.contact .attachment img"));
			desk.shown(By.cssSelector("#image-viewer img"));
			desk.click(By.cssSelector("#image-viewer img"));
			desk.shown(By.cssSelector("#image-viewer img.actual"));
			// A click beside the picture (on the dark backdrop, top left) closes it.
			new Actions(desk.driver()).moveToElement(desk.shown(By.id("image-viewer")), -400, -250).click().perform();
			desk.await(d -> !d.findElement(By.id("image-viewer")).isDisplayed());
			assertThat(desk.consoleErrors()).isEmpty();
			assertThat(visitor.consoleErrors()).isEmpty();
		}
	}
}
