package dev.kefu.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty database for Kefu nodes that a test starts itself, several on the same database: in-memory H2, or
 * a new PostgreSQL database (dropped on close) when the build runs with {@code -Dkefu.test.database=postgres}.
 */
public final class SharedDatabase implements AutoCloseable {

	private final String name;
	private final Map<String, String> properties;

	private SharedDatabase(String name, Map<String, String> properties) {
		this.name = name;
		this.properties = properties;
	}

	public static SharedDatabase create() {
		String name = "kefu_n_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (TestDatabase.onPostgres()) {
			execute("CREATE DATABASE " + name);
			String url = TestDatabase.POSTGRES_URL.substring(0, TestDatabase.POSTGRES_URL.lastIndexOf('/') + 1) + name;
			return new SharedDatabase(name, Map.of("spring.datasource.url", url, "spring.datasource.username",
					TestDatabase.POSTGRES_USER, "spring.datasource.password", TestDatabase.POSTGRES_PASSWORD));
		}
		return new SharedDatabase(name, Map.of("spring.datasource.url", "jdbc:h2:mem:" + name
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
				"spring.datasource.username", "sa", "spring.datasource.password", ""));
	}

	public String name() {
		return name;
	}

	/** The datasource properties every node needs. */
	public Map<String, String> properties() {
		return properties;
	}

	@Override
	public void close() {
		if (TestDatabase.onPostgres()) {
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
	}

	private static void execute(String sql) {
		try (Connection connection = TestDatabase.administration()) {
			connection.createStatement().execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL refused: " + sql, e);
		}
	}
}
