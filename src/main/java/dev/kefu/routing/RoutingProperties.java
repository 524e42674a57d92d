package dev.kefu.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param presenceGrace how long an agent whose last connection closed stays online, to ride out reloads and blips
 * @param presenceTimeout how long without any sign of life from any node before an agent is taken offline (covers a
 * crashed node); must be well above the heartbeat interval of throttled background tabs (one minute)
 * @param defaultHandleTime assumed handle time for wait estimates until a group has history
 */
@ConfigurationProperties("kefu.routing")
record RoutingProperties(@DefaultValue("30s") Duration presenceGrace, @DefaultValue("3m") Duration presenceTimeout,
		@DefaultValue("3m") Duration defaultHandleTime) {
}
