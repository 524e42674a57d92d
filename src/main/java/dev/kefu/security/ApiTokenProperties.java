package dev.kefu.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param perSecond requests one API token may make per second, sustained
 * @param burst requests one API token may make at once, after a quiet spell
 * @param lastUsedPrecision how stale a token's "last used" may be: it is written at most this often per token, so
 * that using a token does not cost a database write per request
 */
@ConfigurationProperties("kefu.api-tokens")
record ApiTokenProperties(@DefaultValue("20") double perSecond, @DefaultValue("100") double burst,
		@DefaultValue("1m") Duration lastUsedPrecision) {
}
