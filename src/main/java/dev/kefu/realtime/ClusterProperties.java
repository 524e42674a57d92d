package dev.kefu.realtime;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node finds the others. Without a Redis URL the node runs alone; with one, live frames travel between all
 * nodes of the same cluster name through Redis pub/sub (the database stays the only source of truth).
 */
@ConfigurationProperties("kefu.cluster")
record ClusterProperties(@Nullable String redisUrl, @DefaultValue("kefu") String name) {
}
