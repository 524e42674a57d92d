package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class StaticFilesTest {

	@Test
	void theVersionChangesWhenAnyFileChanges() {
		String before = StaticFiles.version(files("console.log(1);"), webJars("3.5.0"));

		assertThat(StaticFiles.version(files("console.log(1);"), webJars("3.5.0"))).isEqualTo(before);
		assertThat(StaticFiles.version(files("console.log(2);"), webJars("3.5.0"))).isNotEqualTo(before);
	}

	@Test
	void theVersionChangesWithAWebJarsVersion() {
		assertThat(StaticFiles.version(files("x"), webJars("3.5.1")))
			.isNotEqualTo(StaticFiles.version(files("x"), webJars("3.5.0")));
	}

	@Test
	void pagesNameTheirFilesAndImportsUnderTheVersionedPrefix() {
		StaticFiles files = new StaticFiles(files("x"), webJars("3.5.0"));
		String prefix = files.prefix();

		String page = WebPages.render("""
				<link rel="stylesheet" href="/desk/desk.css">
				<script type="importmap">{ "imports": { "vue": "/webjars/vue/dist/vue.esm-browser.prod.js" } }</script>
				<script type="module" src="/desk/desk.js"></script>
				<a href="/ops/">Ops</a> <script src="https://example.com/other.js"></script>
				""", files);

		assertThat(page).contains("href=\"" + prefix + "/desk/desk.css\"", "src=\"" + prefix + "/desk/desk.js\"",
				"{\"imports\":{\"vue\":\"" + prefix + "/webjars/vue/dist/vue.esm-browser.prod.js\",\"/desk/\":\""
						+ prefix + "/desk/\",\"/ui/\":\"" + prefix + "/ui/\"}}",
				"<a href=\"/ops/\">", "src=\"https://example.com/other.js\"");
	}

	private static SortedMap<String, byte[]> files(String deskScript) {
		SortedMap<String, byte[]> files = new TreeMap<>();
		files.put("desk/desk.js", deskScript.getBytes(StandardCharsets.UTF_8));
		files.put("desk/desk.css", "body{}".getBytes(StandardCharsets.UTF_8));
		files.put("ui/i18n.js", "export {}".getBytes(StandardCharsets.UTF_8));
		files.put("widget.js", "(function(){})()".getBytes(StandardCharsets.UTF_8));
		return files;
	}

	private static SortedMap<String, String> webJars(String vue) {
		return new TreeMap<>(java.util.Map.of("vue", vue));
	}
}
