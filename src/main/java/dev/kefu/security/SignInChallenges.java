package dev.kefu.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.kefu.shared.SqlTime;

/**
 * What a right password earns when a second step must follow: a short-lived challenge, not a session. It is kept in
 * the database (hashed), so the second step may land on another node, and it is used up by the step that succeeds.
 */
@Component
class SignInChallenges {

	static final String PREFIX = "c_";

	/** What the second step is: a code from the app (or a recovery code), or a first enrolment. */
	enum Kind {
		CODE, ENROL
	}

	record Challenge(String hash, UUID staffId, UUID organizationId, Kind kind, String account, Instant expiresAt) {
	}

	/** As handed to the client. */
	record Issued(String challenge, Instant expiresAt) {
	}

	private final JdbcClient jdbc;
	private final TwoFactorProperties properties;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	SignInChallenges(JdbcClient jdbc, TwoFactorProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	Issued issue(UUID organizationId, UUID staffId, Kind kind, String account) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = PREFIX + HexFormat.of().formatHex(bytes);
		Instant expiresAt = clock.instant().plus(properties.challengeLifetime());
		jdbc.sql("""
				INSERT INTO sign_in_challenge (token_hash, staff_id, organization_id, kind, account, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(StaffTokens.hash(token), staffId, organizationId, kind.name(), account, SqlTime.of(expiresAt))
			.update();
		return new Issued(token, expiresAt);
	}

	/** The challenge, while it stands and is of the kind wanted. */
	Optional<Challenge> find(String token, Kind kind) {
		if (!token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return jdbc.sql("SELECT * FROM sign_in_challenge WHERE token_hash = ? AND kind = ?")
			.params(StaffTokens.hash(token), kind.name())
			.query((rs, n) -> new Challenge(rs.getString("token_hash"), rs.getObject("staff_id", UUID.class),
					rs.getObject("organization_id", UUID.class), Kind.valueOf(rs.getString("kind")),
					rs.getString("account"), SqlTime.read(rs, "expires_at")))
			.optional()
			.filter(challenge -> challenge.expiresAt().isAfter(now));
	}

	/** Uses the challenge up; false when another request was first. */
	boolean consume(Challenge challenge) {
		return jdbc.sql("DELETE FROM sign_in_challenge WHERE token_hash = ?").param(challenge.hash()).update() == 1;
	}

	@Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
	void dropExpired() {
		jdbc.sql("DELETE FROM sign_in_challenge WHERE expires_at < ?").param(SqlTime.of(clock.instant())).update();
	}
}
