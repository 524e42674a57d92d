package dev.kefu.organization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;

/**
 * What a staff password must be: 8 to 128 characters and not one of the common passwords attackers try first (the
 * bundled list common-passwords.txt, compared without case). Applies wherever a password is set.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;
	static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = load("common-passwords.txt");

	private PasswordPolicy() {
	}

	static void require(@Nullable String password) {
		if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			throw new RequestRejected("weak-password",
					"password must be " + MIN_LENGTH + "-" + MAX_LENGTH + " characters");
		}
		if (isCommon(password)) {
			throw new RequestRejected("weak-password",
					"this password is one of the most common ones and would be guessed first; choose another");
		}
	}

	static boolean isCommon(String password) {
		return COMMON.contains(password.toLowerCase(Locale.ROOT));
	}

	private static Set<String> load(String resource) {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
