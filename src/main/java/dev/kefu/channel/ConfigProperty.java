package dev.kefu.channel;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One setting of a channel provider's configuration schema: what an instance's configuration is checked against, and
 * what the admin console renders a form field from. A {@code secret} property is never shown back (answers carry
 * {@code "********"}), and an update that leaves it out keeps the stored value.
 */
@Schema(example = """
		{"name":"callbackUrl","label":"Callback URL","type":"URL","required":true,"secret":false}""")
public record ConfigProperty(String name, String label, Type type, boolean required, boolean secret) {

	/** The value types a property can have, as JSON carries them. */
	public enum Type {
		STRING, URL, INTEGER, BOOLEAN;

		/** Whether a JSON value is of this type. */
		boolean accepts(@Nullable Object value) {
			return switch (this) {
				case STRING -> value instanceof String s && s.length() <= 2000;
				case URL -> value instanceof String s && url(s);
				case INTEGER -> value instanceof Integer || value instanceof Long;
				case BOOLEAN -> value instanceof Boolean;
			};
		}

		private static boolean url(String value) {
			try {
				URI uri = new URI(value);
				return value.length() <= 2000 && uri.getHost() != null
						&& ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
			}
			catch (Exception e) {
				return false;
			}
		}
	}

	public static ConfigProperty required(String name, String label, Type type) {
		return new ConfigProperty(name, label, type, true, false);
	}

	public static ConfigProperty optional(String name, String label, Type type) {
		return new ConfigProperty(name, label, type, false, false);
	}

	public static ConfigProperty secret(String name, String label) {
		return new ConfigProperty(name, label, Type.STRING, true, true);
	}

	/** A secret that may be left out (WeChat's message encryption key, when messages come in plain text). */
	public static ConfigProperty optionalSecret(String name, String label) {
		return new ConfigProperty(name, label, Type.STRING, false, true);
	}

	static final String HIDDEN = "********";
}
