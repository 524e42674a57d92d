package dev.kefu.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7): unguessable enough to expose in URLs and still append-friendly for B-tree indexes.
 */
public final class Ids {

	private static final SecureRandom random = new SecureRandom();

	private Ids() {
	}

	public static UUID newId() {
		long millis = System.currentTimeMillis();
		long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	/** Parses an id from user input, turning garbage into a clear 400 instead of a 500. */
	public static UUID parse(String value, String what) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw new RequestRejected("invalid-id", what + " is not a valid id: " + value);
		}
	}
}
