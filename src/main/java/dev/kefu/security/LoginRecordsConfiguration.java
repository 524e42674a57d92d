package dev.kefu.security;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where login records live: in Redis when this node is one of a cluster ({@code kefu.cluster.redis-url}, the same
 * setting the realtime relay uses), so every node counts the same failures; in memory on a single node.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProperties.class)
class LoginRecordsConfiguration {

	@Bean
	LoginRecords loginRecords(Environment environment, Clock clock) {
		String redisUrl = environment.getProperty("kefu.cluster.redis-url", "");
		return redisUrl.isBlank() ? new MemoryLoginRecords(clock)
				: new RedisLoginRecords(redisUrl, environment.getProperty("kefu.cluster.name", "kefu"));
	}
}
