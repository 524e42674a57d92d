package dev.kefu.testing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.kefu.KefuApplication;

/** One more Kefu node in the test's JVM, for tests of what several nodes share. */
public final class KefuNode {

	private KefuNode() {
	}

	/**
	 * A node on the same database as the test's own node, with no demo and a port of its own; {@code settings} add
	 * to or replace these (its data folder, storage, cluster).
	 */
	public static ConfigurableApplicationContext besides(Environment first, Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(Map.of(
				"spring.datasource.url", first.getRequiredProperty("spring.datasource.url"),
				"spring.datasource.username", first.getProperty("spring.datasource.username", "sa"),
				"spring.datasource.password", first.getProperty("spring.datasource.password", ""),
				"kefu.data-dir", first.getRequiredProperty("kefu.data-dir"),
				"kefu.demo.enabled", "false",
				"spring.modulith.events.republish-outstanding-events-on-restart", "false"));
		all.putAll(settings);
		return start(all);
	}

	/** A node with exactly these settings (and a free port). */
	public static ConfigurableApplicationContext start(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(settings);
		all.putIfAbsent("server.port", "0");
		// Command-line arguments, because builder properties are defaults that application.yml would override.
		return new SpringApplicationBuilder(KefuApplication.class)
			.run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	public static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}
}
