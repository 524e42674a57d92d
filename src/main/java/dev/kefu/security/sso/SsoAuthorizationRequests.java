package dev.kefu.security.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;

import dev.kefu.shared.SqlTime;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a single sign-on's authorization request (state, nonce, PKCE verifier) in the database between the trip to
 * the provider and the way back, instead of an HTTP session: the way back may reach any node of a cluster. It is bound
 * to the browser that set out by a random value in the {@code KEFU_SSO} cookie (sent only to the callback path), so a
 * callback address sent to someone else's browser finds nothing (login CSRF). Taken once; ten minutes at most.
 */
@Component
class SsoAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	static final String COOKIE = "KEFU_SSO";
	static final Duration LIFETIME = Duration.ofMinutes(10);
	private static final String CALLBACK_PATH = "/login/oauth2/code/";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	SsoAuthorizationRequests(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** The request as stored: every value the client put in it is a string (or a set of them). */
	record Saved(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
			Map<String, Object> additionalParameters, Map<String, Object> attributes, String authorizationRequestUri) {
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		return find(request).orElse(null);
	}

	@Override
	public void saveAuthorizationRequest(@Nullable OAuth2AuthorizationRequest authorizationRequest,
			HttpServletRequest request, HttpServletResponse response) {
		if (authorizationRequest == null) {
			removeAuthorizationRequest(request, response);
			return;
		}
		String browser = browser(request).orElseGet(() -> {
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			return HexFormat.of().formatHex(bytes);
		});
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM sso_authorization_request WHERE expires_at < ?").param(SqlTime.of(now)).update();
		Saved saved = new Saved(authorizationRequest.getAuthorizationUri(), authorizationRequest.getClientId(),
				authorizationRequest.getRedirectUri(), authorizationRequest.getScopes(), authorizationRequest.getState(),
				authorizationRequest.getAdditionalParameters(), authorizationRequest.getAttributes(),
				authorizationRequest.getAuthorizationRequestUri());
		jdbc.sql("INSERT INTO sso_authorization_request (browser_hash, state, request, expires_at) VALUES (?, ?, ?, ?)")
			.params(hash(browser), authorizationRequest.getState(), json.writeValueAsString(saved),
					SqlTime.of(now.plus(LIFETIME)))
			.update();
		cookie(request, response, browser, LIFETIME);
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
			HttpServletResponse response) {
		Optional<OAuth2AuthorizationRequest> found = find(request);
		found.ifPresent(authorizationRequest -> jdbc
			.sql("DELETE FROM sso_authorization_request WHERE browser_hash = ? AND state = ?")
			.params(hash(browser(request).orElseThrow()), authorizationRequest.getState())
			.update());
		return found.orElse(null);
	}

	private Optional<OAuth2AuthorizationRequest> find(HttpServletRequest request) {
		String state = request.getParameter("state");
		Optional<String> browser = browser(request);
		if (state == null || state.length() > 200 || browser.isEmpty()) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT request FROM sso_authorization_request WHERE browser_hash = ? AND state = ? AND expires_at > ?")
			.params(hash(browser.get()), state, SqlTime.of(clock.instant()))
			.query(String.class)
			.optional()
			.map(text -> json.readValue(text, Saved.class))
			.map(saved -> OAuth2AuthorizationRequest.authorizationCode()
				.authorizationUri(saved.authorizationUri())
				.clientId(saved.clientId())
				.redirectUri(saved.redirectUri())
				.scopes(saved.scopes())
				.state(saved.state())
				.additionalParameters(saved.additionalParameters())
				.attributes(saved.attributes())
				.authorizationRequestUri(saved.authorizationRequestUri())
				.build());
	}

	private static Optional<String> browser(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		return cookies == null ? Optional.empty()
				: Arrays.stream(cookies)
					.filter(c -> COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[0-9a-f]{64}"))
					.map(Cookie::getValue)
					.findFirst();
	}

	/**
	 * Sent back only to the callback path, never readable by scripts; Lax, because the way back is a top-level
	 * navigation from the provider's site.
	 */
	private static void cookie(HttpServletRequest request, HttpServletResponse response, String value, Duration age) {
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value)
			.path(request.getContextPath() + CALLBACK_PATH)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.maxAge(age)
			.build()
			.toString());
	}

	private static String hash(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
