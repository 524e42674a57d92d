package dev.kefu.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Service;

/**
 * Signed, expiring URLs for files, so an {@code <img src>} works without an Authorization header while the link
 * still cannot be guessed or used forever.
 */
@Service
public class UrlSignatures {

	public static final Duration LIFETIME = Duration.ofHours(12);

	private final SecretKeySpec key;
	private final Clock clock;

	UrlSignatures(SigningKeys keys, Clock clock) {
		this.key = new SecretKeySpec(keys.secret("url"), "HmacSHA256");
		this.clock = clock;
	}

	/** The path with {@code exp} and {@code sig} query parameters appended. */
	public String sign(String path) {
		// Expiry rounded to the hour, so the same file gets the same URL for a while and browsers can cache it.
		long expires = clock.instant().plus(LIFETIME).getEpochSecond() / 3600 * 3600 + 3600;
		return path + "?exp=" + expires + "&sig=" + signature(path, expires);
	}

	public boolean verify(String path, long expires, String signature) {
		if (Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
			return false;
		}
		return MessageDigest.isEqual(signature(path, expires).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private String signature(String path, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal((path + "|" + expires).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}
}
