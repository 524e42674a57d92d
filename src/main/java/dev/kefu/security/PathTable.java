package dev.kefu.security;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A table of (method, path pattern) to a decision, read top to bottom, first match wins: how the API tokens' scopes
 * ({@link ApiScopes}) and the staff's permissions ({@link StaffPermissions}) are each written down in one place.
 */
final class PathTable<D> {

	private record Rule<D>(@Nullable String method, PathPattern pattern, D decision) {
	}

	private final List<Rule<D>> rules = new ArrayList<>();

	/** A rule for one method (HEAD is read as GET), or every method when {@code method} is null. */
	void rule(@Nullable String method, String pattern, D decision) {
		rules.add(new Rule<>(method, PathPatternParser.defaultInstance.parse(pattern), decision));
	}

	/** The first matching rule's decision, or null when none matches. */
	@Nullable D decide(String method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		String m = "HEAD".equals(method) ? "GET" : method;
		for (Rule<D> rule : rules) {
			if ((rule.method() == null || rule.method().equals(m)) && rule.pattern().matches(container)) {
				return rule.decision();
			}
		}
		return null;
	}
}
