package dev.kefu.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
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

	/**
	 * Boot's logging set-up goes through JVM-wide system properties, so two nodes starting at once in one JVM can
	 * read each other's half-made settings ("Unknown format 'CONSOLE_LOG_STRUCTURED_FORMAT_IS_UNDEFINED'"): held
	 * from just before the logging listener until just after it, so nodes set logging up one at a time and start
	 * together otherwise.
	 */
	private static final ReentrantLock LOGGING_SET_UP = new ReentrantLock();

	/** A node with exactly these settings (and a free port). */
	public static ConfigurableApplicationContext start(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(settings);
		all.putIfAbsent("server.port", "0");
		// Command-line arguments, because builder properties are defaults that application.yml would override.
		return new SpringApplicationBuilder(KefuApplication.class)
			.listeners(new LoggingTurn(true), new LoggingTurn(false))
			.run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	/** Takes the logging set-up lock before Boot's logging listener runs, or gives it back after. */
	private record LoggingTurn(boolean take) implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			if (take) {
				LOGGING_SET_UP.lock();
			}
			else if (LOGGING_SET_UP.isHeldByCurrentThread()) {
				LOGGING_SET_UP.unlock();
			}
		}

		@Override
		public int getOrder() {
			return take ? LoggingApplicationListener.DEFAULT_ORDER - 1 : LoggingApplicationListener.DEFAULT_ORDER + 1;
		}
	}

	public static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}
}
