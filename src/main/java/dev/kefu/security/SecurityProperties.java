package dev.kefu.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param staffTokenLifetime how long a staff login lasts
 * @param visitorTokenLifetime how long a visitor keeps their identity without coming back
 * @param visitorTokenSecret fixed secret for visitor tokens; when empty, one is generated and kept in the database
 * so that every node of a cluster shares it
 */
@ConfigurationProperties("kefu.security")
record SecurityProperties(@DefaultValue("12h") Duration staffTokenLifetime,
		@DefaultValue("365d") Duration visitorTokenLifetime, @Nullable String visitorTokenSecret) {
}
