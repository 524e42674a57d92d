package dev.kefu.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first organization and its admin, created at start when missing (a production installation has no demo).
 *
 * @param organization the organization; nothing is created when its slug is empty
 * @param admin its first admin; none when the username is empty
 */
@ConfigurationProperties("kefu.setup")
record SetupProperties(@DefaultValue Organization organization, @DefaultValue Admin admin) {

	/** @param timeZone the organization's time zone, in which reports count days and business hours apply */
	record Organization(@Nullable String slug, @Nullable String name, @DefaultValue("UTC") String timeZone) {

		boolean wanted() {
			return slug != null && !slug.isBlank();
		}
	}

	/** @param password the first password; when empty, one is generated and printed once */
	record Admin(@Nullable String username, @Nullable String password, @DefaultValue("Admin") String displayName) {

		boolean wanted() {
			return username != null && !username.isBlank();
		}
	}
}
