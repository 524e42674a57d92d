package dev.kefu.web;

import java.time.Duration;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * How long browsers keep the static files. Under the versioned prefix a file never changes, so it is kept for a year
 * without asking again. The loader {@code /widget.js} keeps the address the companies embed, so it is kept five
 * minutes and then revalidated; every other unversioned file is revalidated on each use. Without a Cache-Control
 * of its own, a response got Spring Security's {@code no-store} and was downloaded again on every page view.
 * <p>
 * Unversioned files are validated by the version as a (weak) ETag, not by their dates: the jar's entries all carry
 * the same fixed date, which would answer "not modified" across an upgrade.
 */
// Before Spring Boot's own handlers, which then leave the /** pattern to this one.
@Order(Ordered.HIGHEST_PRECEDENCE)
@Configuration(proxyBeanMethods = false)
class StaticCaching implements WebMvcConfigurer {

	static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	static final CacheControl LOADER = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final StaticFiles files;

	private final String[] locations;

	StaticCaching(StaticFiles files, WebProperties web) {
		this.files = files;
		this.locations = web.getResources().getStaticLocations();
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		String tag = "W/\"" + this.files.version() + "\"";
		registry.addResourceHandler(this.files.prefix() + "/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(FOREVER)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		registry.addResourceHandler(this.files.prefix() + "/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(FOREVER);
		registry.addResourceHandler("/widget.js")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(LOADER)
			.setUseLastModified(false)
			.setEtagGenerator(resource -> tag);
		registry.addResourceHandler("/**")
			.addResourceLocations(this.locations)
			.setCacheControl(CacheControl.noCache())
			.setUseLastModified(false)
			.setEtagGenerator(resource -> tag);
	}
}
