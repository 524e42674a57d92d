package dev.kefu.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing, for every signed call Kefu makes (webhooks, channel callbacks, CRM lookups): the secret is {@code whsec_} and base64 key bytes; the signature is
 * {@code v1,} and base64 HMAC-SHA256 of {@code id.timestamp.body}.
 */
public final class StandardWebhookSignature {

	public static final String PREFIX = "whsec_";

	private static final SecureRandom random = new SecureRandom();

	private StandardWebhookSignature() {
	}

	public static String newSecret() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** A secret an admin gives must be one a Standard Webhooks library can use: whsec_ and 24 to 64 bytes. */
	public static String checked(String secret) {
		try {
			int length = key(secret).length;
			if (length >= 24 && length <= 64) {
				return secret;
			}
		}
		catch (IllegalArgumentException e) {
			// not base64: refused below
		}
		throw new RequestRejected("invalid-secret", "a secret is whsec_ followed by 24 to 64 bytes in base64");
	}

	public static String sign(String secret, String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
			byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}

	private static byte[] key(String secret) {
		if (!secret.startsWith(PREFIX)) {
			throw new IllegalArgumentException("no whsec_ prefix");
		}
		return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
	}
}
