package dev.kefu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.kefu.testing.ServerTest;

/**
 * The staff apps may be framed only by Kefu itself and run only its own scripts; the chat, which customers' sites
 * frame, has no such policy. That the apps work under it is shown by every browser test: Browser fails a test
 * whose pages broke the policy.
 */
@ServerTest
class StaffPagePolicyTest {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/desk/", "/admin/", "/ops/", "/desk", "/admin/index.html", "/ops/ops.js" })
	void staffPagesMayBeFramedOnlyByKefuAndRunOnlyItsScripts(String path) throws Exception {
		HttpResponse<String> page = get(path);

		String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("frame-ancestors 'self'", "default-src 'self'", "object-src 'none'")
			.doesNotContain("script-src 'self' 'unsafe-inline'");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/desk/", "/admin/", "/ops/" })
	void theImportMapOfEachStaffPageIsAllowedByItsHash(String path) throws Exception {
		HttpResponse<String> page = get(path);

		Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(page.body());
		assertThat(importMap.find()).isTrue();
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(importMap.group(1).getBytes(StandardCharsets.UTF_8));
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/chat/", "/chat/chat.js", "/widget.js", "/demo/", "/help/any-organization", "/administrator" })
	void theChatStaysEmbeddable(String path) throws Exception {
		HttpResponse<String> page = get(path);

		assertThat(page.headers().firstValue("Content-Security-Policy")).isEmpty();
		assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
	}

	private HttpResponse<String> get(String path) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}
}
