package dev.kefu.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own: in-memory H2, or a new PostgreSQL database that is
 * dropped when the context closes. Which one is chosen by the system property {@code kefu.test.database}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String POSTGRES_URL = System.getenv().getOrDefault("KEFU_TEST_POSTGRES_URL",
			"jdbc:postgresql://127.0.0.1:5432/test");
	static final String POSTGRES_USER = System.getenv().getOrDefault("KEFU_TEST_POSTGRES_USER", "postgres");
	static final String POSTGRES_PASSWORD = System.getenv().getOrDefault("KEFU_TEST_POSTGRES_PASSWORD", "");

	public static boolean onPostgres() {
		return "postgres".equals(System.getProperty("kefu.test.database", "h2").toLowerCase(Locale.ROOT));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String name = "kefu_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Map<String, Object> properties = new HashMap<>();
		if (onPostgres()) {
			execute("CREATE DATABASE " + name);
			// Registered before any bean, so destroyed after all of them: the pool is closed by then, and nothing
			// still running (schedulers, listeners) waits on a database that has gone.
			((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("kefu.testDatabase",
					() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
			properties.put("spring.datasource.url", POSTGRES_URL.substring(0, POSTGRES_URL.lastIndexOf('/') + 1) + name);
			properties.put("spring.datasource.username", POSTGRES_USER);
			properties.put("spring.datasource.password", POSTGRES_PASSWORD);
		}
		else {
			properties.put("spring.datasource.url", "jdbc:h2:mem:" + name
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1");
		}
		properties.put("kefu.data-dir", "target/test-data/" + name);
		properties.put("kefu.demo.enabled", "false");
		properties.put("spring.datasource.hikari.leak-detection-threshold", "5000");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kefu-test-database", properties));
	}

	static Connection administration() throws SQLException {
		return DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
	}

	private static void execute(String sql) {
		try (Connection connection = administration()) {
			connection.createStatement().execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " refused: " + sql, e);
		}
	}
}
