package dev.kefu.realtime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A single node needs no relay; a Redis URL makes this node one of a cluster. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

	@Bean
	Relay relay(ClusterProperties cluster) {
		String url = cluster.redisUrl();
		return url == null || url.isBlank() ? Relay.SINGLE_NODE : new RedisRelay(url, cluster.name());
	}
}
