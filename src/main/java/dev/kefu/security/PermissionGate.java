package dev.kefu.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.kefu.shared.StaffCaller;

/**
 * Refuses a staff member's call under /api when they hold none of the permissions {@link StaffPermissions} names for
 * it, with 403 {@code forbidden} naming them in the detail; a path the table does not decide is refused too.
 * Anonymous requests and visitors pass on to the rest of the chain, which answers them.
 */
class PermissionGate extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (authentication == null || !(authentication.getPrincipal() instanceof StaffCaller caller)
				|| !path.startsWith("/api/")) {
			chain.doFilter(request, response);
			return;
		}
		StaffPermissions.Decision decision = StaffPermissions.decide(request.getMethod(), path);
		if (decision == null) {
			SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN, "forbidden",
					"no permission opens this path to staff");
			return;
		}
		if (decision instanceof StaffPermissions.Needs needs && !needs.allows(caller)) {
			SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN, "forbidden",
					"you lack the permission " + needs.keys());
			return;
		}
		chain.doFilter(request, response);
	}
}
