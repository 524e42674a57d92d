package dev.kefu.security;

import java.io.ByteArrayOutputStream;
import java.time.Instant;

/** What an authenticator app does with the Base32 secret of an enrolment: the code for a moment. */
final class TwoFactorTestCodes {

	private TwoFactorTestCodes() {
	}

	static String code(String base32Secret, Instant at) {
		return Totp.code(decode(base32Secret), Totp.step(at));
	}

	static byte[] decode(String base32) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : base32.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}
}
