package dev.kefu.security.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.SqlTime;

/**
 * The one-time codes that carry a finished single sign-on to the page: the browser returns from the provider with a
 * code in the address (not a token, which would linger in history), and the page exchanges it once, within a minute,
 * for a staff token. Kept in the database so any node can redeem it.
 */
@Service
class SsoLoginCodes {

	static final Duration LIFETIME = Duration.ofSeconds(60);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	SsoLoginCodes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Holder(UUID organizationId, UUID staffId) {
	}

	String issue(UUID organizationId, UUID staffId) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String code = HexFormat.of().formatHex(bytes);
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM sso_login_code WHERE expires_at < ?").param(SqlTime.of(now)).update();
		jdbc.sql("INSERT INTO sso_login_code (code_hash, organization_id, staff_id, expires_at) VALUES (?, ?, ?, ?)")
			.params(hash(code), organizationId, staffId, SqlTime.of(now.plus(LIFETIME)))
			.update();
		return code;
	}

	/** Whose code this is, once: the row is deleted by the first redemption, so a second one finds nothing. */
	@Transactional
	Optional<Holder> redeem(String code) {
		if (!code.matches("[0-9a-f]{64}")) {
			return Optional.empty();
		}
		String hash = hash(code);
		Optional<Holder> holder = jdbc
			.sql("SELECT organization_id, staff_id FROM sso_login_code WHERE code_hash = ? AND expires_at > ?")
			.params(hash, SqlTime.of(clock.instant()))
			.query((rs, n) -> new Holder(rs.getObject("organization_id", UUID.class), rs.getObject("staff_id", UUID.class)))
			.optional();
		if (holder.isEmpty() || jdbc.sql("DELETE FROM sso_login_code WHERE code_hash = ?").param(hash).update() != 1) {
			return Optional.empty();
		}
		return holder;
	}

	private static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
