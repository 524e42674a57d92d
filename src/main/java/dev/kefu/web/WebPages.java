package dev.kefu.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Short addresses for the pages served from {@code static/}: the visitor chat (the widget's iframe), the agent desk,
 * the admin console, the demo, and each organization's help center ({@code /help/{slug}}, one page that reads the
 * slug from its address).
 */
@Configuration(proxyBeanMethods = false)
class WebPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/chat").setViewName("forward:/chat/index.html");
		registry.addViewController("/chat/").setViewName("forward:/chat/index.html");
		registry.addViewController("/desk").setViewName("forward:/desk/index.html");
		registry.addViewController("/desk/").setViewName("forward:/desk/index.html");
		registry.addViewController("/admin").setViewName("forward:/admin/index.html");
		registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
		registry.addViewController("/ops").setViewName("forward:/ops/index.html");
		registry.addViewController("/ops/").setViewName("forward:/ops/index.html");
		registry.addViewController("/demo").setViewName("forward:/demo/index.html");
		registry.addViewController("/demo/").setViewName("forward:/demo/index.html");
		// The page lives outside /help/ so that the forward cannot match its own pattern again.
		registry.addViewController("/help/{organization}").setViewName("forward:/helpcenter/index.html");
		registry.addViewController("/help/{organization}/").setViewName("forward:/helpcenter/index.html");
	}
}
