package dev.kefu.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters may carry {@code %00}, which PostgreSQL refuses to store and some logs truncate at: refused here,
 * like the same in a request body ({@link WellFormedBodies}). Multipart bodies are left to the endpoint, so that
 * reading the parameters here does not read an upload before its limits apply.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WellFormedParameters extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			for (var parameter : request.getParameterMap().entrySet()) {
				String flawed = flawed(parameter.getKey(), parameter.getValue());
				if (flawed != null) {
					refuse(response, flawed);
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static @org.jspecify.annotations.Nullable String flawed(String name, String[] values) {
		if (!Text.wellFormed(name)) {
			return "a parameter name";
		}
		for (String value : values) {
			if (!Text.wellFormed(value)) {
				return "parameter " + Text.repaired(name);
			}
		}
		return null;
	}

	private static void refuse(HttpServletResponse response, String field) throws IOException {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("""
				{"type":"https://kefu.dev/problems/invalid-text","title":"Bad Request","status":400,\
				"detail":"%s is not valid text: it holds a NUL character","code":"invalid-text"}"""
			.formatted(field.replace("\\", "\\\\").replace("\"", "\\\"")));
	}
}
