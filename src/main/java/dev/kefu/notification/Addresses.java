package dev.kefu.notification;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;

/** E-mail addresses as the system mails them: one address, no display name, no line breaks. */
final class Addresses {

	static final int MAX = 320;

	private Addresses() {
	}

	static boolean plausible(@Nullable String address) {
		return address != null && address.length() <= MAX && address.matches("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");
	}

	/** The address as typed, or a clear 400 saying why not. */
	static String require(@Nullable String address, String field) {
		String stripped = address == null ? "" : address.strip();
		if (stripped.isEmpty()) {
			throw new RequestRejected("email-required", field + " is required");
		}
		if (!plausible(stripped)) {
			throw new RequestRejected("invalid-email", "not an e-mail address: " + stripped);
		}
		return stripped;
	}

	/** For keys: one mail per address, however it was capitalised. */
	static String key(String address) {
		return address.toLowerCase(Locale.ROOT);
	}
}
