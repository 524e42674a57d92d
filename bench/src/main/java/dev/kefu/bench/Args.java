package dev.kefu.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs from the command line. */
final class Args {

	private final Map<String, String> values = new HashMap<>();

	Args(String[] args) {
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("expected --name value, got " + args[i]);
			}
			values.put(args[i].substring(2), args[i + 1]);
		}
	}

	String get(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	String require(String name) {
		String value = values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("missing --" + name);
		}
		return value;
	}

	int getInt(String name, int fallback) {
		return Integer.parseInt(get(name, Integer.toString(fallback)));
	}
}
