package dev.kefu.supervision;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where visitors online live: in Redis when this node is one of a cluster ({@code kefu.cluster.redis-url}, the same
 * setting the realtime relay uses), so every node's supervisors see the same list; in memory on a single node.
 */
@Configuration(proxyBeanMethods = false)
class VisitorsOnlineConfiguration {

	@Bean
	VisitorsOnline visitorsOnline(Environment environment, Clock clock) {
		String redisUrl = environment.getProperty("kefu.cluster.redis-url", "");
		return redisUrl.isBlank() ? new MemoryVisitorsOnline(clock)
				: new RedisVisitorsOnline(redisUrl, environment.getProperty("kefu.cluster.name", "kefu"), clock);
	}
}
