package dev.kefu.contact;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Profile fields to set on a contact. A null field is left as it is; custom attributes are merged, and an attribute
 * set to an empty string is removed.
 */
public record ContactProfile(@Nullable String name, @Nullable String email, @Nullable String phone,
		@Nullable Map<String, String> attributes) {
}
