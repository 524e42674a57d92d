package dev.kefu.contact;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;

/**
 * Each organization's identity settings. The secret is made on first use, so every organization can sign at once;
 * anonymous visitors stay allowed until an admin turns them off.
 */
@Component
class IdentitySettingsStore {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate ownTransaction;
	private final JwksTargets targets;

	IdentitySettingsStore(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, JwksTargets targets) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.targets = targets;
		this.ownTransaction = new TransactionTemplate(transactions);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	IdentitySettings of(UUID organizationId) {
		IdentitySettings found = read(organizationId);
		if (found != null) {
			return found;
		}
		// The first visitors of an organization arrive together: every one tries to create the settings, in a
		// transaction of its own so that a loser's duplicate key spoils no caller's transaction, and all of them
		// read the winner's secret.
		try {
			ownTransaction.executeWithoutResult(status -> jdbc.sql("""
					INSERT INTO contact_identity_settings (organization_id, secret, allow_anonymous, rotated_at)
					VALUES (?, ?, TRUE, ?)""")
				.params(organizationId, newSecret(), SqlTime.of(clock.instant()))
				.update());
		}
		catch (DuplicateKeyException anotherRequestWasFirst) {
			// Its secret stands.
		}
		IdentitySettings created = read(organizationId);
		if (created == null) {
			throw new IllegalStateException("identity settings of " + organizationId + " were not stored");
		}
		return created;
	}

	@Transactional
	IdentitySettings rotate(UUID organizationId) {
		of(organizationId);
		jdbc.sql("UPDATE contact_identity_settings SET secret = ?, rotated_at = ? WHERE organization_id = ?")
			.params(newSecret(), SqlTime.of(clock.instant()), organizationId)
			.update();
		return read(organizationId);
	}

	@Transactional
	IdentitySettings change(UUID organizationId, IdentitySettings.Change change) {
		IdentitySettings current = of(organizationId);
		String jwksUrl = change.jwksUrl() == null ? current.jwksUrl() : checkedUrl(change.jwksUrl().strip());
		boolean allowAnonymous = change.allowAnonymous() == null ? current.allowAnonymous()
				: change.allowAnonymous();
		jdbc.sql("UPDATE contact_identity_settings SET jwks_url = ?, allow_anonymous = ? WHERE organization_id = ?")
			.params(jwksUrl, allowAnonymous, organizationId)
			.update();
		return read(organizationId);
	}

	private @Nullable IdentitySettings read(UUID organizationId) {
		return jdbc.sql("SELECT * FROM contact_identity_settings WHERE organization_id = ?")
			.param(organizationId)
			.query((rs, row) -> new IdentitySettings(rs.getString("secret"), rs.getString("jwks_url"),
					rs.getBoolean("allow_anonymous"), SqlTime.read(rs, "rotated_at")))
			.optional()
			.orElse(null);
	}

	/** An empty URL removes it; anything else must be an absolute http(s) URL Kefu may call (not an internal one). */
	private @Nullable String checkedUrl(String url) {
		if (url.isEmpty()) {
			return null;
		}
		try {
			URI uri = URI.create(url);
			if (url.length() <= 2000 && uri.getHost() != null
					&& ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
				targets.check(url);
				return url;
			}
		}
		catch (IllegalArgumentException malformed) {
			// refused below
		}
		throw new RequestRejected("invalid-jwks-url", "the JWKS URL must be an absolute http(s) URL");
	}

	/** 32 random bytes in hex: the host site uses the hex text itself as the HMAC / HS256 key. */
	private static String newSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}
}
