package dev.kefu.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.kefu.organization.AllowedSites;
import dev.kefu.organization.Organizations;

/**
 * The chat page ({@code /chat/?org=<slug>}, the widget's iframe) may be framed only by the sites its organization
 * allows: {@code Content-Security-Policy: frame-ancestors 'self' <sites>}. An organization without a list, or an
 * unknown one, gets no policy: every site may frame the chat, as before. No X-Frame-Options is sent on the chat
 * (Spring Security's is off), since its SAMEORIGIN would forbid the very sites the list allows.
 */
@Component
class ChatFramePolicy extends OncePerRequestFilter {

	private final Organizations organizations;
	private final AllowedSites sites;

	ChatFramePolicy(Organizations organizations, AllowedSites sites) {
		this.organizations = organizations;
		this.sites = sites;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals("/chat") || path.equals("/chat/") || path.equals("/chat/index.html"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		policy(request.getParameter("org"))
			.ifPresent(ancestors -> response.setHeader("Content-Security-Policy", "frame-ancestors " + ancestors));
		chain.doFilter(request, response);
	}

	/** The chat page takes the organization from ?org=, "demo" when absent (chat.js). */
	private Optional<String> policy(@Nullable String slug) {
		String organization = slug == null || slug.isEmpty() ? "demo" : slug;
		if (organization.length() > 64) {
			return Optional.empty();
		}
		return organizations.findBySlug(organization).flatMap(found -> sites.frameAncestors(found.id()));
	}
}
