package dev.kefu.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.SqlTime;

/** Secrets generated once and stored in the database, so all nodes and restarts agree on them. */
@Component
class SigningKeys {

	private final JdbcClient jdbc;
	private final Clock clock;

	SigningKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	byte[] secret(String name) {
		return jdbc.sql("SELECT secret FROM signing_key WHERE name = ?")
			.param(name)
			.query(String.class)
			.optional()
			.map(Base64.getDecoder()::decode)
			.orElseGet(() -> create(name));
	}

	private byte[] create(String name) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			jdbc.sql("INSERT INTO signing_key (name, secret, created_at) VALUES (?, ?, ?)")
				.params(name, Base64.getEncoder().encodeToString(secret), SqlTime.of(clock.instant()))
				.update();
			return secret;
		}
		catch (DuplicateKeyException anotherNodeWasFirst) {
			return secret(name);
		}
	}
}
