package dev.kefu.security.sso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a browser does in a sign-in, over plain HTTP: one step at a time (so a test can see and change each redirect),
 * with cookies kept per host and port, as Kefu and the provider both live on 127.0.0.1 and must not share a session.
 */
final class FormBrowser {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

	record Page(int status, URI uri, @Nullable String location, String body) {

		/** The redirect target, absolute. */
		String next() {
			if (location == null) {
				throw new AssertionError(uri + " answered " + status + " without a redirect: " + body);
			}
			return uri.resolve(location).toString();
		}
	}

	Page get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), URI.create(url));
	}

	Page post(String url, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), URI.create(url));
	}

	private Page send(HttpRequest.Builder request, URI uri) {
		String origin = uri.getHost() + ":" + uri.getPort();
		Map<String, String> jar = cookies.computeIfAbsent(origin, o -> new LinkedHashMap<>());
		request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		if (!jar.isEmpty()) {
			request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String set : response.headers().allValues("Set-Cookie")) {
				String pair = set.split(";", 2)[0];
				int eq = pair.indexOf('=');
				if (set.toLowerCase().contains("max-age=0")) {
					jar.remove(pair.substring(0, eq));
				}
				else {
					jar.put(pair.substring(0, eq), pair.substring(eq + 1));
				}
			}
			return new Page(response.statusCode(), uri, response.headers().firstValue("Location").orElse(null),
					response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
