package dev.kefu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Figures of one run as {@code key=value} lines, appended as they are measured so that a run cut short keeps what it
 * had. {@link Report} turns the file into the tables of docs/benchmarks.md.
 */
final class Results {

	private final Path file;
	private final String scope;

	/** {@code scope} prefixes every key: what was measured ("echo", "kefu-h2", "kefu-postgres", "pg"). */
	Results(Path file, String scope) {
		this.file = file;
		this.scope = scope;
	}

	void put(String key, double value) {
		put(key, String.format(Locale.ROOT, "%.3f", value));
	}

	void put(String key, String value) {
		String line = scope + "." + key + "=" + value;
		System.out.println("RESULT " + line);
		try {
			Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Map<String, String> read(Path file) throws IOException {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file)) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				values.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		return values;
	}
}
