package dev.kefu.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins slow down the next attempt (see {@link LoginRule}).
 *
 * @param perAddress failures from one source address, whatever the username: stops password spraying. Its longest
 * wait is short (1 minute) because an office behind one NAT address shares it
 * @param perAccount failures for one username, from any address except those it logged in from before (5 minutes)
 * @param knownAddressFor how long an address stays known after a successful login from it
 */
@ConfigurationProperties("kefu.security.login")
record LoginProperties(@Nullable Limit perAddress, @Nullable Limit perAccount,
		@DefaultValue("90d") Duration knownAddressFor) {

	LoginProperties {
		perAddress = perAddress != null ? perAddress
				: new Limit(10, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1));
		perAccount = perAccount != null ? perAccount
				: new Limit(10, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));
	}

	/** Failures beyond {@code freeFailures} wait from {@code firstDelay}, doubling, up to {@code maxDelay}. */
	record Limit(@DefaultValue("10") int freeFailures, @DefaultValue("1s") Duration firstDelay,
			@DefaultValue("5m") Duration maxDelay, @DefaultValue("1h") Duration forgetAfter) {

		LoginRule rule() {
			return new LoginRule(freeFailures, firstDelay, maxDelay, forgetAfter);
		}
	}
}
