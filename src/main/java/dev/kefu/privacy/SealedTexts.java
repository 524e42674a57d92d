package dev.kefu.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kefu.shared.SqlTime;

/**
 * Clear texts sealed with AES-256-GCM under the configured key: a fresh 12-byte nonce each, and the organization and
 * subject as associated data, so a sealed text copied onto another row does not open.
 */
@Repository
class SealedTexts {

	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final @Nullable SecretKey key;
	private final SecureRandom random = new SecureRandom();

	SealedTexts(JdbcClient jdbc, Clock clock, PrivacyProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.key = key(properties.key());
	}

	private static @Nullable SecretKey key(@Nullable String configured) {
		if (configured == null || configured.isBlank()) {
			return null;
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(configured.trim());
		}
		catch (IllegalArgumentException notBase64) {
			throw new IllegalStateException("kefu.privacy.key must be base64 (e.g. openssl rand -base64 32)");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("kefu.privacy.key must be 32 bytes in base64, not " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	boolean configured() {
		return key != null;
	}

	void keep(UUID organizationId, String subjectType, UUID subjectId, @Nullable UUID scopeId, String clear) {
		jdbc.sql("""
				INSERT INTO privacy_secret (organization_id, subject_type, subject_id, scope_id, sealed, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(organizationId, subjectType, subjectId, scopeId,
					seal(organizationId, subjectType, subjectId, clear), SqlTime.of(clock.instant()))
			.update();
	}

	/** Forgets every clear text kept in a scope (a conversation, a left message) that is erased or deleted. */
	void forget(UUID organizationId, String subjectType, UUID scopeId) {
		jdbc.sql("DELETE FROM privacy_secret WHERE organization_id = ? AND subject_type = ? AND scope_id = ?")
			.params(organizationId, subjectType, scopeId)
			.update();
	}

	/** The clear text, when one was kept for this subject of the organization (and, if given, in this scope). */
	Optional<String> open(UUID organizationId, String subjectType, UUID subjectId, @Nullable UUID scopeId) {
		return jdbc.sql("""
				SELECT sealed FROM privacy_secret
				WHERE organization_id = ? AND subject_type = ? AND subject_id = ? AND (scope_id = ? OR ? IS NULL)""")
			.params(organizationId, subjectType, subjectId, scopeId, scopeId)
			.query(String.class)
			.optional()
			.map(sealed -> unseal(organizationId, subjectType, subjectId, sealed));
	}

	private String seal(UUID organizationId, String subjectType, UUID subjectId, String clear) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, organizationId, subjectType, subjectId);
			byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not seal a clear text", e);
		}
	}

	private String unseal(UUID organizationId, String subjectType, UUID subjectId, String sealed) {
		byte[] bytes = Base64.getDecoder().decode(sealed);
		byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, organizationId, subjectType, subjectId);
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			// A different key than the one that sealed it, or a changed row.
			throw new IllegalStateException("a kept clear text does not open with the configured key", e);
		}
	}

	private Cipher cipher(int mode, byte[] nonce, UUID organizationId, String subjectType, UUID subjectId)
			throws GeneralSecurityException {
		if (key == null) {
			throw new IllegalStateException("kefu.privacy.key is not configured");
		}
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD((organizationId + "/" + subjectType + "/" + subjectId).getBytes(StandardCharsets.UTF_8));
		return cipher;
	}
}
