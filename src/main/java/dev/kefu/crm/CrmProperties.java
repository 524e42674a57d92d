package dev.kefu.crm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kefu.crm.*}. {@code allowPrivateTargets} lets lookup URLs on loopback and private networks through (tests,
 * a CRM on the intranet); off by default so an admin cannot make the server probe its own network. {@code timeout}
 * is how long a lookup may take in all (the 2 seconds); {@code cacheSize} bounds the cards one node keeps.
 */
@ConfigurationProperties("kefu.crm")
record CrmProperties(@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue("2s") Duration timeout,
		@DefaultValue("10000") int cacheSize) {
}
