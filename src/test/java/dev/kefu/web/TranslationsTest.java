package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every string the web UIs show exists in English and in Chinese. */
class TranslationsTest {

	private static final Path STATIC = Path.of("src/main/resources/static");

	private static final Pattern KEY = Pattern.compile("^\\s*'([a-zA-Z0-9_.]+)':", Pattern.MULTILINE);

	private static final Pattern USE = Pattern.compile("\\bt\\('([a-zA-Z0-9_.]+)'");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(keys("zh-CN")).isEqualTo(keys("en"));
	}

	@Test
	void everyKeyThePagesUseIsTranslated() throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(STATIC)) {
			for (Path file : files.filter(f -> f.toString().matches(".*\\.(html|js)")).toList()) {
				Matcher m = USE.matcher(Files.readString(file));
				while (m.find()) {
					// A key ending in '.' is a prefix completed at run time ('leave.why.' + reason).
					if (!m.group(1).endsWith(".")) {
						used.add(m.group(1));
					}
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(keys("en")).containsAll(used);
	}

	private static Set<String> keys(String language) throws IOException {
		String source = Files.readString(STATIC.resolve("ui/i18n.js"));
		List<String> blocks = List.of(source.split("\n  'zh-CN': \\{"));
		String block = language.equals("en") ? blocks.get(0) : blocks.get(1).split("\n  },")[0];
		Set<String> keys = new TreeSet<>();
		Matcher m = KEY.matcher(block);
		while (m.find()) {
			keys.add(m.group(1));
		}
		return keys;
	}
}
