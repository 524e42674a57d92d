package dev.kefu.shared;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One injectable clock for every timestamp, so tests can set the time instead of waiting for it. */
@Configuration(proxyBeanMethods = false)
class TimeSource {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		// Microseconds, as both databases store them: an instant handed out is the one read back later.
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}
}
