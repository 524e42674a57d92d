package dev.kefu.organization;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The demo organization is for trying Kefu out: wanted when {@code kefu.demo.enabled} says so, and otherwise only on
 * the embedded H2 database, never on a production database such as PostgreSQL.
 */
class DemoWanted implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return wanted(context.getEnvironment());
	}

	static boolean wanted(PropertyResolver properties) {
		Boolean explicit = properties.getProperty("kefu.demo.enabled", Boolean.class);
		if (explicit != null) {
			return explicit;
		}
		return properties.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
	}
}
