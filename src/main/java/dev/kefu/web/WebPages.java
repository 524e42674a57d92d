package dev.kefu.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pages served from {@code static/}: the visitor chat (the widget's iframe), the agent desk, the admin console,
 * the ops console, the demo, and each organization's help center ({@code /help/{slug}}, one page that reads the slug
 * from its address).
 * <p>
 * Each page is rewritten once, at start, to load its style sheets, scripts and WebJars from the versioned prefix
 * ({@link StaticFiles#prefix()}), which browsers may cache for a year. The import map sends the modules' absolute
 * imports ({@code '/ui/i18n.js'}) there too, and relative imports follow by themselves. The page itself is
 * revalidated on every view (a 304 when unchanged), so it always names the current version.
 */
@Controller
class WebPages {

	static final List<String> APPS = List.of("chat", "desk", "admin", "ops", "demo", "helpcenter", "platform");

	private static final Pattern TAG = Pattern.compile("<(?:link|script)\\b[^>]*>");

	private static final Pattern ADDRESS = Pattern.compile("\\b(href|src)=\"/([^\"]+)\"");

	private static final Pattern IMPORT_MAP = Pattern.compile("(<script type=\"importmap\">)(.*?)(</script>)",
			Pattern.DOTALL);

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final Map<String, String> pages;

	private final Map<String, String> tags;

	WebPages(StaticFiles files) {
		this.pages = APPS.stream()
			.collect(Collectors.toUnmodifiableMap(Function.identity(), app -> render(files.text(app + "/index.html"), files)));
		this.tags = this.pages.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, page -> "W/\"" + sha256(page.getValue()) + "\""));
	}

	@GetMapping({ "/{app:chat|desk|admin|ops|demo|helpcenter|platform}", "/{app:chat|desk|admin|ops|demo|helpcenter|platform}/",
			"/{app:chat|desk|admin|ops|demo|helpcenter|platform}/index.html" })
	ResponseEntity<String> page(@PathVariable String app) {
		// A weak tag: Tomcat compresses no response that carries a strong one.
		return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).eTag(this.tags.get(app))
			.body(this.pages.get(app));
	}

	// The page lives outside /help/ so that the static folder cannot be mistaken for an organization.
	@GetMapping({ "/help/{organization}", "/help/{organization}/" })
	ResponseEntity<String> helpCenter() {
		return page("helpcenter");
	}

	/** The page as rendered for the browser, e.g. to hash its inline scripts. */
	String rendered(String app) {
		return this.pages.get(app);
	}

	/** The page with its files and imports moved under the versioned prefix. */
	static String render(String page, StaticFiles files) {
		String prefix = files.prefix();
		String tagsMoved = TAG.matcher(page).replaceAll(tag -> Matcher.quoteReplacement(ADDRESS.matcher(tag.group())
			.replaceAll(address -> Matcher.quoteReplacement(files.has(address.group(2))
					? address.group(1) + "=\"" + prefix + "/" + address.group(2) + "\"" : address.group()))));
		return IMPORT_MAP.matcher(tagsMoved).replaceAll(map -> Matcher.quoteReplacement(
				map.group(1) + importMap(map.group(2), files) + map.group(3)));
	}

	private static String importMap(String json, StaticFiles files) {
		String prefix = files.prefix();
		ObjectNode map = (ObjectNode) JsonMapper.shared().readTree(json);
		ObjectNode imports = map.has("imports") ? (ObjectNode) map.get("imports") : map.putObject("imports");
		for (String name : List.copyOf(imports.propertyNames())) {
			String target = imports.get(name).asString();
			if (target.startsWith("/") && !target.startsWith("//")) {
				imports.put(name, prefix + target);
			}
		}
		for (String folder : files.folders()) {
			if (!imports.has("/" + folder + "/")) {
				imports.put("/" + folder + "/", prefix + "/" + folder + "/");
			}
		}
		return JsonMapper.shared().writeValueAsString(map);
	}

	private static String sha256(String page) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(page.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
