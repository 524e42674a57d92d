package dev.kefu.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.kefu.shared.RequestRejected;

/** The server's wording of system lines: in step with the browser's, and rendered in the reader's language. */
class SystemLinesTest {

	private static final Path BROWSER_CATALOG = Path.of("src/main/resources/static/ui/i18n.js");

	private static final Pattern LINE = Pattern.compile("^\\s*'(system\\.[A-Za-z]+)': '((?:[^'\\\\]|\\\\.)*)',",
			Pattern.MULTILINE);

	@Test
	void serverAndBrowserWordTheSameLinesTheSameWayInEveryLanguage() throws IOException {
		String source = Files.readString(BROWSER_CATALOG);
		String[] dictionaries = source.split("\n  'zh-CN': \\{");
		Map<String, String> browserEnglish = lines(dictionaries[0]);
		Map<String, String> browserChinese = lines(dictionaries[1]);

		assertThat(browserEnglish).isNotEmpty();
		assertThat(SystemLines.keysByLanguage().get("en")).containsExactlyElementsOf(browserEnglish.keySet());
		assertThat(SystemLines.keysByLanguage().get("zh-CN")).containsExactlyElementsOf(browserChinese.keySet());
		browserEnglish.forEach((key, wording) -> assertThat(SystemLines.render(key, Map.of(), "en", "?"))
			.as(key).isEqualTo(wording));
		browserChinese.forEach((key, wording) -> assertThat(SystemLines.render(key, Map.of(), "zh-CN", "?"))
			.as(key).isEqualTo(wording));
	}

	@Test
	void rendersALineWithItsParametersInTheReadersLanguage() {
		SystemLine line = SystemLine.nowServing("李娜");

		assertThat(SystemLines.render(line.key(), line.params(), "zh-CN", "?")).isEqualTo("李娜 正在为您服务");
		assertThat(SystemLines.english(line)).isEqualTo("李娜 is now serving you");
		assertThat(SystemLines.english(SystemLine.closed())).isEqualTo("The conversation has ended");
	}

	@Test
	void keepsTheStoredTextOfALineItHasNoWordingFor() {
		assertThat(SystemLines.render("system.fromANewerServer", Map.of(), "zh-CN", "As stored")).isEqualTo("As stored");
	}

	@Test
	void namesTheReadersLanguageFromLangElseAcceptLanguage() {
		assertThat(SystemLines.language("zh-CN", "en-US")).isEqualTo("zh-CN");
		assertThat(SystemLines.language("en", "zh-CN,zh;q=0.9")).isEqualTo("en");
		assertThat(SystemLines.language(null, "zh-TW,zh;q=0.9,en;q=0.8")).isEqualTo("zh-CN");
		assertThat(SystemLines.language(null, "fr-FR,en;q=0.5")).isEqualTo("en");
		assertThat(SystemLines.language(null, "de-DE")).isEqualTo("en");
		assertThat(SystemLines.language(null, null)).isEqualTo("en");
		assertThat(SystemLines.language(null, ";;;")).isEqualTo("en");
		assertThatThrownBy(() -> SystemLines.language("<script>", null)).isInstanceOf(RequestRejected.class);
	}

	private static Map<String, String> lines(String dictionary) {
		Map<String, String> lines = new TreeMap<>();
		Matcher m = LINE.matcher(dictionary);
		while (m.find()) {
			lines.put(m.group(1), m.group(2));
		}
		return lines;
	}
}
