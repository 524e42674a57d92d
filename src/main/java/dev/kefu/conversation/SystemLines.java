package dev.kefu.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;

/**
 * The server's wording of system lines, in the languages of the web UIs ({@code en}, {@code zh-CN}), read from
 * {@code i18n/system-lines*.properties}. The browser renders the same keys from {@code ui/i18n.js}; a test keeps the
 * two catalogs in step. Used where the server writes text for a reader: the stored English fallback and transcripts.
 */
final class SystemLines {

	static final String ENGLISH = "en";

	static final List<String> LANGUAGES = List.of(ENGLISH, "zh-CN");

	private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

	private static final Map<String, Properties> WORDING = load();

	private SystemLines() {
	}

	/** The line in a language; a key the catalog lacks (a newer server's line) falls back to the stored text. */
	static String render(String key, Map<String, String> params, String language, String fallback) {
		String wording = WORDING.getOrDefault(language, WORDING.get(ENGLISH)).getProperty(key,
				WORDING.get(ENGLISH).getProperty(key));
		if (wording == null) {
			return fallback;
		}
		Matcher m = PARAM.matcher(wording);
		StringBuilder text = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(text, Matcher.quoteReplacement(params.getOrDefault(m.group(1), m.group())));
		}
		return m.appendTail(text).toString();
	}

	static String english(SystemLine line) {
		return render(line.key(), line.params(), ENGLISH, line.key());
	}

	/** A message's text for a reader: a system line in their language, anything else as written. */
	static Message forReader(Message message, String language) {
		return message.textKey() == null ? message
				: message.withText(render(message.textKey(), message.textParams() == null ? Map.of()
						: message.textParams(), language, message.text()));
	}

	/**
	 * The reader's language, as the web UIs pick it: an explicit {@code lang} first, else the first supported entry of
	 * Accept-Language; anything Chinese is {@code zh-CN}, anything else English (a language Kefu lacks is no error).
	 */
	static String language(@Nullable String lang, @Nullable String acceptLanguage) {
		if (lang != null) {
			if (!lang.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}")) {
				throw new RequestRejected("invalid-lang", "lang must be a language tag such as en or zh-CN");
			}
			return supported(lang);
		}
		if (acceptLanguage != null && !acceptLanguage.isBlank()) {
			try {
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
					String tag = range.getRange().toLowerCase(Locale.ROOT);
					if (tag.startsWith("zh") || tag.startsWith("en")) {
						return supported(tag);
					}
				}
			}
			catch (IllegalArgumentException malformed) {
				// A header no browser sends: read as no preference.
			}
		}
		return ENGLISH;
	}

	private static String supported(String tag) {
		return tag.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh-CN" : ENGLISH;
	}

	/** Every key of every language, for the test that compares them with the browser's catalog. */
	static Map<String, List<String>> keysByLanguage() {
		Map<String, List<String>> keys = new LinkedHashMap<>();
		WORDING.forEach((language, wording) -> keys.put(language, wording.stringPropertyNames().stream().sorted().toList()));
		return keys;
	}

	private static Map<String, Properties> load() {
		Map<String, Properties> wording = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			String file = "/i18n/system-lines" + (language.equals(ENGLISH) ? "" : "_" + language) + ".properties";
			try (InputStream in = SystemLines.class.getResourceAsStream(file)) {
				if (in == null) {
					throw new IllegalStateException(file + " is missing");
				}
				Properties properties = new Properties();
				properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				wording.put(language, properties);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return wording;
	}
}
