package dev.kefu.shared;

import java.io.IOException;
import java.util.Map;

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
			Map<String, String[]> parameters;
			try {
				parameters = request.getParameterMap();
			}
			catch (IllegalStateException unreadable) {
				// Tomcat cannot decode them (%ED%A0%80 is a lone surrogate in UTF-8, or too many): without this the
				// answer is a 400 without a problem code.
				refuse(response, "invalid-parameter",
						"the query parameters cannot be read: they are not percent-encoded UTF-8, or too many");
				return;
			}
			for (var parameter : parameters.entrySet()) {
				String flawed = flawed(parameter.getKey(), parameter.getValue());
				if (flawed != null) {
					refuse(response, "invalid-text", flawed + " is not valid text: it holds a NUL character");
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

	private static void refuse(HttpServletResponse response, String code, String detail) throws IOException {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("""
				{"type":"https://kefu.dev/problems/%s","title":"Bad Request","status":400,\
				"detail":"%s","code":"%s"}"""
			.formatted(code, detail.replace("\\", "\\\\").replace("\"", "\\\""), code));
	}
}
