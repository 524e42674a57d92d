package dev.kefu.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy for the staff apps ({@code /desk/}, {@code /admin/}, {@code /ops/}): scripts and
 * connections only to this server, and no framing by other sites. The chat ({@code /chat/}, {@code /widget.js},
 * {@code /demo/}, {@code /help/}) is framed by customers' sites and gets none of it.
 * <p>
 * Why each exception to "self only" is there:
 * <ul>
 * <li>{@code 'unsafe-eval'}: the pages' templates are in the HTML and compiled in the browser by Vue's full build,
 * which makes functions with {@code new Function}; without a build step there is no way around it.</li>
 * <li>the SHA-256 of each inline import map: an import map cannot be loaded from a file. The hashes are taken from
 * the pages as served ({@link WebPages}) at start, so editing a page cannot leave a stale policy behind.</li>
 * <li>{@code style-src-attr 'unsafe-inline'}: ECharts writes its tooltips as HTML with style attributes. Style
 * elements and style sheets stay limited to this server.</li>
 * <li>{@code img-src https:}: knowledge articles may show pictures from other sites (Markdown image links).</li>
 * </ul>
 */
@Component
class StaffPagePolicy extends OncePerRequestFilter {

	static final List<String> APPS = List.of("desk", "admin", "ops", "platform");

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>(.*?)</script>",
			Pattern.DOTALL);

	private final String policy;

	StaffPagePolicy(WebPages pages) {
		this.policy = policy(inlineScriptHashes(pages));
	}

	static String policy(List<String> scriptHashes) {
		return String.join("; ", "default-src 'self'",
				"script-src 'self' 'unsafe-eval' " + scriptHashes.stream().map(h -> "'" + h + "'").collect(Collectors.joining(" ")),
				"style-src 'self'", "style-src-attr 'unsafe-inline'", "img-src 'self' data: blob: https:",
				"connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
				"frame-ancestors 'self'");
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return APPS.stream().noneMatch(app -> path.equals("/" + app) || path.startsWith("/" + app + "/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", policy);
		// For browsers that do not know frame-ancestors.
		response.setHeader("X-Frame-Options", "SAMEORIGIN");
		chain.doFilter(request, response);
	}

	private static List<String> inlineScriptHashes(WebPages pages) {
		return APPS.stream()
			.map(pages::rendered)
			.flatMap(page -> INLINE_SCRIPT.matcher(page).results().map(script -> script.group(1)))
			.map(StaffPagePolicy::sha256)
			.distinct()
			.toList();
	}

	private static String sha256(String script) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
