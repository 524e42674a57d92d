package dev.kefu.ticket;

import org.jspecify.annotations.Nullable;

import dev.kefu.contact.Contact;
import dev.kefu.shared.RequestRejected;

/**
 * How the customer who left a message can be reached, as they gave it then. Kept on the ticket so that a later edit of
 * the contact's profile does not change what this customer asked to be answered on.
 */
record ContactDetails(@Nullable String name, @Nullable String email, @Nullable String phone) {

	/** The details as given, each checked; blanks count as not given. */
	static ContactDetails given(@Nullable String name, @Nullable String email, @Nullable String phone) {
		ContactDetails details = new ContactDetails(clean(name, 200, "name"), clean(email, 320, "email"),
				clean(phone, 50, "phone"));
		if (details.email != null && !details.email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new RequestRejected("invalid-email", "not an e-mail address: " + details.email);
		}
		if (details.phone != null && !details.phone.matches("[+0-9 ()-]{3,50}")) {
			throw new RequestRejected("invalid-phone", "not a phone number: " + details.phone);
		}
		return details;
	}

	/** What the customer did not give now is taken from their profile (a pre-chat form filled in earlier). */
	ContactDetails orFrom(Contact profile) {
		return new ContactDetails(name != null ? name : profile.name(), email != null ? email : profile.email(),
				phone != null ? phone : profile.phone());
	}

	/** A message nobody can answer outside the widget is of little use: an e-mail address or a phone is required. */
	ContactDetails requireReachable() {
		if (email == null && phone == null) {
			throw new RequestRejected("contact-details-required",
					"leave an e-mail address or a phone number so that we can answer you");
		}
		return this;
	}

	private static @Nullable String clean(@Nullable String value, int maxLength, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > maxLength) {
			throw new RequestRejected("invalid-" + field, field + " must be at most " + maxLength + " characters");
		}
		return stripped;
	}
}
