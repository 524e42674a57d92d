package dev.kefu.privacy;

import ch.qos.logback.classic.PatternLayout;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Makes Logback's message conversion words mask sensitive numbers, before Spring Boot configures logging. It changes
 * what {@code %m} means rather than the patterns, so Boot's default console and file logging (and
 * {@code logging.file.name}, {@code logging.pattern.*}) stay as they are, with no logback-spring.xml to maintain; a
 * project's own logback configuration gets it too. Registered in META-INF/spring.factories.
 */
class MaskedLogs implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (ClassUtils.isPresent("ch.qos.logback.classic.PatternLayout", MaskedLogs.class.getClassLoader())) {
			for (String word : new String[] { "m", "msg", "message" }) {
				PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(word, MaskedMessageConverter::new);
			}
		}
	}
}
