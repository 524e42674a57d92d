package dev.kefu.organization;

import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.RequestRejected;

/**
 * The sites allowed to embed an organization's widget: origins such as {@code https://shop.example.com}, or
 * {@code https://*.example.com} for every subdomain (not the domain itself, as in a Content-Security-Policy). An empty
 * list lets every site embed it, as Kefu did before there was a list.
 * <p>
 * The list protects in the browser: the chat frame tells browsers which pages may frame it
 * ({@link #frameAncestors(UUID)}), and the widget's settings and the visitor session refuse a browser request that
 * says it comes from another site ({@link #admit}). A program that forges its Origin is not stopped by anything a
 * server can check; the visitor API is public for that reason anyway.
 */
@Service
public class AllowedSites {

	/** At most this many entries per organization. */
	static final int MAX = 100;

	/** At most this many characters in all (with a space between each), as they make one header. */
	static final int MAX_TOTAL = 4000;

	private static final Pattern ENTRY = Pattern.compile(
			"(?i)(https?)://(\\*\\.)?([^/:?#@\\[\\]\\s*]+|\\[[0-9a-f:.]+\\])(?::([0-9]{1,5}))?/?");

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private final JdbcClient jdbc;

	AllowedSites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The organization's list in the admin's order; empty when every site may embed the widget. */
	public List<String> of(UUID organizationId) {
		return jdbc.sql("SELECT origin FROM widget_site WHERE organization_id = ? ORDER BY position")
			.param(organizationId)
			.query(String.class)
			.list();
	}

	/** Replaces the list with {@code entries}, each checked and written the one way ({@link #normalize}). */
	@Transactional
	void replace(UUID organizationId, List<String> entries) {
		List<String> sites = validated(entries);
		jdbc.sql("DELETE FROM widget_site WHERE organization_id = ?").param(organizationId).update();
		for (int i = 0; i < sites.size(); i++) {
			jdbc.sql("INSERT INTO widget_site (organization_id, position, origin) VALUES (?, ?, ?)")
				.params(organizationId, i, sites.get(i))
				.update();
		}
	}

	/** The entries as stored, duplicates once; a bad one refuses them all with {@code invalid-site}. */
	static List<String> validated(List<String> entries) {
		if (entries.size() > MAX) {
			throw new RequestRejected("invalid-site", "at most " + MAX + " allowed sites");
		}
		Set<String> sites = new LinkedHashSet<>();
		for (String entry : entries) {
			sites.add(normalize(entry));
		}
		// They all go into one response header of the chat page, which servers and proxies keep to a few KB.
		if (sites.stream().mapToInt(site -> site.length() + 1).sum() > MAX_TOTAL) {
			throw new RequestRejected("invalid-site", "the allowed sites take at most " + MAX_TOTAL
					+ " characters together; use https://*.example.com for many subdomains");
		}
		return List.copyOf(sites);
	}

	/**
	 * An entry as stored: scheme and host in lower case, the host in its ASCII (punycode) form, a default port and
	 * a closing slash left out. Anything but {@code http(s)://host[:port]}, with {@code *.} allowed before the host,
	 * is refused with {@code invalid-site}.
	 */
	static String normalize(@Nullable String entry) {
		return parse(entry, true).orElseThrow(() -> new RequestRejected("invalid-site",
				"an allowed site is a scheme (http or https), a host and an optional port, such as https://shop.example.com "
						+ "or https://*.example.com, with no path: " + quoted(entry)));
	}

	/** The origin of a browser's Origin or Referer header, written as {@link #normalize} writes entries. */
	static Optional<String> origin(@Nullable String header) {
		if (header == null) {
			return Optional.empty();
		}
		Matcher url = Pattern.compile("(?i)^(https?://[^/?#]+)").matcher(header.strip());
		return url.find() ? parse(url.group(1), false) : Optional.empty();
	}

	private static Optional<String> parse(@Nullable String entry, boolean wildcard) {
		if (entry == null || entry.length() > 300) {
			return Optional.empty();
		}
		Matcher parts = ENTRY.matcher(entry.strip());
		if (!parts.matches() || (parts.group(2) != null && !wildcard)) {
			return Optional.empty();
		}
		String scheme = parts.group(1).toLowerCase(Locale.ROOT);
		String host = host(parts.group(3));
		if (host == null || (parts.group(2) != null && !host.contains("."))) {
			return Optional.empty();
		}
		String port = "";
		if (parts.group(4) != null) {
			int number = Integer.parseInt(parts.group(4));
			if (number < 1 || number > 65535) {
				return Optional.empty();
			}
			boolean standard = (scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443);
			port = standard ? "" : ":" + number;
		}
		return Optional.of(scheme + "://" + (parts.group(2) != null ? "*." : "") + host + port);
	}

	private static @Nullable String host(String given) {
		if (given.startsWith("[")) {
			return given.toLowerCase(Locale.ROOT);
		}
		String ascii;
		try {
			ascii = IDN.toASCII(given, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		if (ascii.isEmpty() || ascii.length() > 253) {
			return null;
		}
		for (String label : ascii.split("\\.", -1)) {
			if (!LABEL.matcher(label).matches()) {
				return null;
			}
		}
		return ascii;
	}

	/** Whether {@code origin} (as {@link #origin} gives it) is on {@code sites}, or {@code sites} is empty. */
	static boolean allows(List<String> sites, String origin) {
		if (sites.isEmpty()) {
			return true;
		}
		for (String site : sites) {
			if (site.equals(origin)) {
				return true;
			}
			int star = site.indexOf("*.");
			if (star > 0) {
				// https://*.example.com:8443 fits https://a.b.example.com:8443: the same scheme and port, a deeper host.
				String scheme = site.substring(0, star);
				String rest = site.substring(star + 1);
				if (origin.startsWith(scheme) && origin.endsWith(rest)
						&& origin.length() > scheme.length() + rest.length()) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The chat frame's {@code frame-ancestors} sources for the organization: Kefu itself and the list; empty when the
	 * list is, since then every site may frame it and no policy is sent.
	 */
	public Optional<String> frameAncestors(UUID organizationId) {
		List<String> sites = of(organizationId);
		return sites.isEmpty() ? Optional.empty() : Optional.of("'self' " + String.join(" ", sites));
	}

	/**
	 * Refuses ({@code 403 site-not-allowed}) a browser request made on behalf of a site not on the organization's list:
	 * its Origin or Referer names another site than Kefu's own, or {@code site} (the embedding page's origin, which
	 * the widget loader hands the chat frame) does. Kefu's own pages (the demo, the help center, the chat opened
	 * by itself) are always allowed, and so is a request that names no site at all.
	 */
	public void admit(UUID organizationId, HttpServletRequest request, @Nullable String site) {
		List<String> sites = of(organizationId);
		if (sites.isEmpty()) {
			return;
		}
		List<String> claimed = new ArrayList<>();
		String origin = request.getHeader("Origin");
		if (origin != null && !"same-origin".equals(request.getHeader("Sec-Fetch-Site"))) {
			claimed.add(origin);
		}
		String referer = request.getHeader("Referer");
		if (referer != null) {
			claimed.add(referer);
		}
		if (site != null) {
			claimed.add(site);
		}
		for (String claim : claimed) {
			if (!self(request, claim) && !origin(claim).filter(o -> allows(sites, o)).isPresent()) {
				throw new RequestRejected("site-not-allowed",
						"this organization's widget may not be embedded on " + quoted(origin(claim).orElse(claim)),
						HttpStatus.FORBIDDEN);
			}
		}
	}

	/**
	 * Whether {@code claim} names Kefu itself: its origin is the request's own, or its host and port are the Host
	 * header's (behind a proxy that ends TLS and forwards no scheme, the request looks like plain http).
	 */
	private static boolean self(HttpServletRequest request, String claim) {
		Optional<String> origin = origin(claim);
		if (origin.isEmpty()) {
			return false;
		}
		String scheme = request.getScheme().toLowerCase(Locale.ROOT);
		int port = request.getServerPort();
		boolean standard = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
		String own = scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
		String host = request.getHeader("Host");
		String authority = origin.get().substring(origin.get().indexOf("://") + 3);
		return origin.get().equals(own) || (host != null && authority.equals(host.strip().toLowerCase(Locale.ROOT)));
	}

	private static String quoted(@Nullable String value) {
		if (value == null) {
			return "(none)";
		}
		String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
		return "\"" + shown.replaceAll("[\\p{Cntrl}\"\\\\]", "?") + "\"";
	}
}
