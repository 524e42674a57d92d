package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.ServerTest;

/**
 * HSTS behind a proxy that ends TLS: the server believes the proxy's X-Forwarded-Proto here (as it does when
 * {@code server.forward-headers-strategy} says so), so a request that came in over https is answered with
 * Strict-Transport-Security, and one that came over plain http is not (a browser ignores it there anyway).
 */
@ServerTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class SecurityHeadersTest {

	@LocalServerPort
	int port;

	@Test
	void aSecureRequestIsToldToStayOnHttpsAndEveryRequestGetsTheReferrerPolicy() throws Exception {
		HttpResponse<String> secure = get("/chat/", "https");
		assertThat(secure.headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000 ; includeSubDomains");
		assertThat(secure.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(get("/api/v1/widget/no-such-organization", "https").headers().firstValue("Strict-Transport-Security"))
			.isPresent();

		HttpResponse<String> plain = get("/chat/", null);
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(plain.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
	}

	private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
