package dev.kefu.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts the TOTP secrets at rest with AES-GCM, under {@code kefu.security.two-factor.encryption-key} or, unset,
 * a key generated once and kept in the database.
 */
@Component
class SecretBox {

	private static final int IV_BYTES = 12;

	private final SecureRandom random = new SecureRandom();
	private final SecretKeySpec key;

	SecretBox(TwoFactorProperties properties, SigningKeys keys) {
		String configured = properties.encryptionKey();
		byte[] bytes = configured == null || configured.isBlank() ? keys.secret("totp-secret-key")
				: Base64.getDecoder().decode(configured.strip());
		if (bytes.length != 32) {
			throw new IllegalStateException("kefu.security.two-factor.encryption-key must be Base64 of 32 bytes");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	String seal(byte[] plain) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(plain);
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is part of every JDK", e);
		}
	}

	byte[] open(String sealed) {
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, IV_BYTES));
			return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("a TOTP secret could not be decrypted: was the encryption key changed?", e);
		}
	}
}
