package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.kefu.testing.ServerTest;

/**
 * Static files travel compressed and are cached as long as they can be: for a year under the versioned prefix the
 * pages name, five minutes for the loader the companies embed, and revalidated (a 304) for the pages themselves.
 */
@ServerTest
class StaticCachingTest {

	@LocalServerPort
	int port;

	@Test
	void pagesLoadTheirScriptsAndImportsFromTheVersionedPrefix() throws Exception {
		String page = get("/desk/").body();

		String prefix = prefix(page);
		assertThat(page).contains("src=\"" + prefix + "/desk/desk.js\"", "href=\"" + prefix + "/desk/desk.css\"",
				"\"vue\":\"" + prefix + "/webjars/vue/dist/vue.esm-browser.prod.js\"",
				"\"/ui/\":\"" + prefix + "/ui/\"");
		// Links to other pages stay where they are.
		assertThat(get("/admin/").body()).contains("href=\"/ops/\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/desk/desk.js", "/ui/i18n.js", "/desk/desk.css", "/webjars/vue/dist/vue.esm-browser.prod.js" })
	void versionedFilesAreKeptForAYearAndTravelCompressed(String file) throws Exception {
		String prefix = prefix(get("/desk/").body());

		HttpResponse<byte[]> response = bytes(prefix + file);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gunzip(response.body()).length).isGreaterThan(response.body().length * 2);
	}

	@Test
	void anotherVersionIsNotServed() throws Exception {
		assertThat(bytes("/v/000000000000/desk/desk.js").statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/desk/", "/ops/", "/chat/", "/demo", "/help/any-organization" })
	void pagesAreRevalidatedOnEveryViewAndAnswerNotModified(String path) throws Exception {
		HttpResponse<byte[]> page = bytes(path);

		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String tag = page.headers().firstValue("ETag").orElseThrow();
		assertThat(bytes(path, "If-None-Match", tag).statusCode()).isEqualTo(304);
	}

	@Test
	void theLoaderIsKeptFiveMinutesThenRevalidated() throws Exception {
		HttpResponse<byte[]> loader = bytes("/widget.js");

		assertThat(loader.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
		assertThat(loader.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String tag = loader.headers().firstValue("ETag").orElseThrow();
		assertThat(bytes("/widget.js", "If-None-Match", tag).statusCode()).isEqualTo(304);
	}

	@Test
	void unversionedFilesAreRevalidatedNotRefetched() throws Exception {
		HttpResponse<byte[]> file = bytes("/ui/i18n.js");

		assertThat(file.headers().firstValue("Cache-Control")).hasValue("no-cache");
		String tag = file.headers().firstValue("ETag").orElseThrow();
		assertThat(bytes("/ui/i18n.js", "If-None-Match", tag).statusCode()).isEqualTo(304);
	}

	private static String prefix(String page) {
		Matcher version = Pattern.compile("src=\"(/v/[0-9a-f]+)/").matcher(page);
		assertThat(version.find()).as("a versioned script in %s", page).isTrue();
		return version.group(1);
	}

	private HttpResponse<String> get(String path) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private HttpResponse<byte[]> bytes(String path, String... headers) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept-Encoding", "gzip");
			for (int i = 0; i < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}
}
