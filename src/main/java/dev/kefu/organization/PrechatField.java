package dev.kefu.organization;

/** A field of the pre-chat form; {@code key} is where the answer lands on the contact (name, email, phone or custom). */
public record PrechatField(String key, String label, String type, boolean required) {
}
