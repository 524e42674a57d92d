package dev.kefu.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.kefu.organization.Tenants;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.VisitorCaller;

/**
 * Resolves the bearer token of a request into a {@link StaffCaller} or {@link VisitorCaller} principal; an API token
 * becomes a StaffCaller too, after its rate and scopes are checked against {@link ApiScopes}. The token may
 * also come as {@code access_token} query parameter on the event stream only, because browsers' EventSource cannot
 * set headers.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

	static final String EVENT_STREAM_PATH = "/api/v1/events";

	private final StaffTokens staffTokens;
	private final VisitorTokens visitorTokens;
	private final ApiTokens apiTokens;
	private final Tenants tenants;

	TokenAuthenticationFilter(StaffTokens staffTokens, VisitorTokens visitorTokens, ApiTokens apiTokens,
			Tenants tenants) {
		this.tenants = tenants;
		this.staffTokens = staffTokens;
		this.visitorTokens = visitorTokens;
		this.apiTokens = apiTokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = token(request);
		if (token != null && token.startsWith(ApiTokens.PREFIX)) {
			if (!authenticateApiToken(token, request, response)) {
				return;
			}
		}
		else if (token != null) {
			authenticate(token);
		}
		chain.doFilter(request, response);
	}

	/**
	 * Lets an API token act within its scopes, on /api/v1 only; elsewhere, and on public paths, it is ignored (the
	 * request is anonymous). Answers and returns false when the token is over its rate or outside its scopes. An
	 * unknown, expired or revoked token authenticates nothing, so a protected path answers 401.
	 */
	private boolean authenticateApiToken(String token, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/api/v1/")) {
			return true;
		}
		String method = request.getMethod();
		ApiScopes.Decision decision = ApiScopes.decide(method, path);
		if (decision instanceof ApiScopes.Public) {
			return true;
		}
		ApiTokens.Bearer bearer = apiTokens.authenticate(token).orElse(null);
		if (bearer == null) {
			return true;
		}
		if (!tenants.active(bearer.caller().organizationId())) {
			SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN, "organization-suspended",
					"this API token's organization is suspended");
			return false;
		}
		if (!tenants.admitApiRequest(bearer.caller().organizationId())) {
			long seconds = tenants.apiRetryAfterSeconds(bearer.caller().organizationId());
			response.setHeader("Retry-After", String.valueOf(seconds));
			SecurityConfiguration.problem(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"this organization's API tokens made too many requests; retry after " + seconds + " s");
			return false;
		}
		if (!apiTokens.admit(bearer.tokenId())) {
			long seconds = Math.max(1, (apiTokens.retryAfter().toMillis() + 999) / 1000);
			response.setHeader("Retry-After", String.valueOf(seconds));
			SecurityConfiguration.problem(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"this API token made too many requests; retry after " + seconds + " s");
			return false;
		}
		if (!(decision instanceof ApiScopes.Needs needs)) {
			SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN, "not-for-api-tokens",
					"API tokens cannot call this: it is done as a signed-in person, or it manages API tokens");
			return false;
		}
		String scope = needs.scope(method);
		if (!bearer.scopes().contains(scope)) {
			SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN, "scope-missing",
					"this API token lacks the scope " + scope);
			return false;
		}
		StaffCaller caller = bearer.caller();
		SecurityContextHolder.getContext()
			.setAuthentication(new CallerAuthentication(caller, authorities(caller)));
		apiTokens.used(bearer.tokenId());
		return true;
	}

	private void authenticate(String token) {
		if (token.startsWith(VisitorTokens.PREFIX)) {
			visitorTokens.verify(token)
				.ifPresent(visitor -> SecurityContextHolder.getContext()
					.setAuthentication(new CallerAuthentication(visitor, List.of("ROLE_VISITOR"))));
		}
		else {
			staffTokens.authenticate(token)
				.ifPresent(staff -> SecurityContextHolder.getContext()
					.setAuthentication(new CallerAuthentication(staff, authorities(staff))));
		}
	}

	/** Every staff caller is ROLE_STAFF; then their preset roles, and their permissions as PERMISSION_key. */
	static List<String> authorities(StaffCaller caller) {
		List<String> all = new java.util.ArrayList<>();
		all.add(STAFF_AUTHORITY);
		caller.roles().forEach(role -> all.add(role.authority()));
		caller.access().keys().forEach(key -> all.add("PERMISSION_" + key));
		return all;
	}

	static final String STAFF_AUTHORITY = "ROLE_STAFF";

	private static @Nullable String token(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).strip();
		}
		if ("GET".equals(request.getMethod()) && EVENT_STREAM_PATH.equals(request.getRequestURI())) {
			return request.getParameter("access_token");
		}
		return null;
	}

	/** An authenticated caller; the principal is the caller record controllers receive. */
	static final class CallerAuthentication extends AbstractAuthenticationToken {

		private final Object caller;

		CallerAuthentication(Object caller, List<String> authorities) {
			super(authorities.stream().map(SimpleGrantedAuthority::new).toList());
			this.caller = caller;
			setAuthenticated(true);
		}

		@Override
		public @Nullable Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return caller;
		}
	}
}
