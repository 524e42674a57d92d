package dev.kefu.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The installation's default {@link IntakeLimits.Settings} for organizations that have not set their own. Sized for
 * a real site where many customers share one NAT address (an office, a mobile carrier): a burst of tens, then a few
 * per second.
 */
@ConfigurationProperties("kefu.intake")
record IntakeLimitProperties(@DefaultValue("600") int visitorsPerMinute, @DefaultValue("100") int visitorsBurst,
		@DefaultValue("120") int conversationsPerMinute, @DefaultValue("30") int conversationsBurst) {

	IntakeLimits.Settings settings() {
		return new IntakeLimits.Settings(visitorsPerMinute, visitorsBurst, conversationsPerMinute, conversationsBurst);
	}
}
