package dev.kefu.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.webjars.WebJarVersionLocator;

/**
 * The files under {@code static/} and the version they are served under ({@code /v/<version>/desk/desk.js}). The
 * version is a hash of every file's content and of the WebJars' versions, taken at start: an upgrade that changes
 * any of them changes every versioned address, so a browser never runs a cached script of an older release.
 */
@Component
class StaticFiles {

	/** The WebJars the pages import; their versions are in the hash, since their files are served versioned too. */
	static final Set<String> WEBJARS = Set.of("vue", "echarts");

	private final Map<String, byte[]> files;

	private final String version;

	StaticFiles() {
		this(read(), webJarVersions());
	}

	StaticFiles(SortedMap<String, byte[]> files, SortedMap<String, String> webJarVersions) {
		this.files = files;
		this.version = version(files, webJarVersions);
	}

	/** Changes whenever any file, its name or a WebJar's version changes. */
	static String version(SortedMap<String, byte[]> files, SortedMap<String, String> webJarVersions) {
		MessageDigest digest = sha256();
		files.forEach((path, content) -> {
			digest.update(path.getBytes(StandardCharsets.UTF_8));
			digest.update(sha256().digest(content));
		});
		webJarVersions.forEach((name, version) -> digest.update((name + "@" + version + "\n").getBytes(StandardCharsets.UTF_8)));
		return HexFormat.of().formatHex(digest.digest(), 0, 6);
	}

	String version() {
		return this.version;
	}

	/** Where the current files are served with a long cache lifetime, e.g. {@code /v/3f2a9c01b7de}. */
	String prefix() {
		return "/v/" + this.version;
	}

	/** Whether {@code path} (e.g. {@code desk/desk.js}) is one of the files. */
	boolean has(String path) {
		return this.files.containsKey(path);
	}

	/** The top-level folders ({@code desk}, {@code ui}...): the pages' absolute imports start with one of them. */
	Set<String> folders() {
		Set<String> folders = new TreeSet<>();
		this.files.keySet().stream().filter(path -> path.contains("/")).forEach(path -> folders.add(path.substring(0, path.indexOf('/'))));
		return folders;
	}

	String text(String path) {
		byte[] content = this.files.get(path);
		if (content == null) {
			throw new IllegalStateException("static/" + path + " is missing");
		}
		return new String(content, StandardCharsets.UTF_8);
	}

	private static SortedMap<String, byte[]> read() {
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			String root = resolver.getResource("classpath:/static/").getURL().toString();
			SortedMap<String, byte[]> files = new TreeMap<>();
			for (Resource resource : resolver.getResources("classpath:/static/**")) {
				String path = resource.getURL().toString().substring(root.length());
				if (!path.isEmpty() && !path.endsWith("/") && resource.isReadable()) {
					try (InputStream in = resource.getInputStream()) {
						files.put(path, in.readAllBytes());
					}
				}
			}
			return files;
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not read the static files", e);
		}
	}

	private static SortedMap<String, String> webJarVersions() {
		WebJarVersionLocator locator = new WebJarVersionLocator();
		SortedMap<String, String> versions = new TreeMap<>();
		WEBJARS.forEach(name -> versions.put(name, String.valueOf(locator.version(name))));
		return versions;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
