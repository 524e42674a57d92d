package dev.kefu.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.VisitorCaller;

/**
 * Resolves the bearer token of a request into a {@link StaffCaller} or {@link VisitorCaller} principal. The token may
 * also come as {@code access_token} query parameter on the event stream only, because browsers' EventSource cannot
 * set headers.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

	static final String EVENT_STREAM_PATH = "/api/v1/events";

	private final StaffTokens staffTokens;
	private final VisitorTokens visitorTokens;

	TokenAuthenticationFilter(StaffTokens staffTokens, VisitorTokens visitorTokens) {
		this.staffTokens = staffTokens;
		this.visitorTokens = visitorTokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = token(request);
		if (token != null) {
			authenticate(token);
		}
		chain.doFilter(request, response);
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
					.setAuthentication(new CallerAuthentication(staff,
							staff.roles().stream().map(role -> role.authority()).toList())));
		}
	}

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
