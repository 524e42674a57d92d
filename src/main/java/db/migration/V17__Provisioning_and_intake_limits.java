package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Tables that nodes starting together on an empty database must not race to create. A Java migration only because
 * Spring Modulith's event publication table needs a different script on H2 and on PostgreSQL: it used to be created
 * by Modulith's own schema initializer at every start, outside Flyway's lock, and on PostgreSQL two nodes creating it
 * at once killed one of them (a unique violation in pg_type). Created here, it is made once, in turn, under Flyway's
 * lock; {@code IF NOT EXISTS} leaves the table of an existing installation as it is.
 */
public class V17__Provisioning_and_intake_limits extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		ScriptUtils.executeSqlScript(connection, eventPublicationSchema(connection));
		try (Statement sql = connection.createStatement()) {
			// One row that nodes lock while they provision (the demo, the first organization from configuration),
			// so that nodes starting together take turns instead of racing on organization_slug_key.
			sql.execute("CREATE TABLE provisioning_lock (id INT PRIMARY KEY)");
			sql.execute("INSERT INTO provisioning_lock (id) VALUES (1)");
			// An organization's own limits on new visitor identities and new chats per source address; no row means
			// the installation's defaults (kefu.intake.*).
			sql.execute("""
					CREATE TABLE intake_limits (
					    organization_id          UUID PRIMARY KEY REFERENCES organization (id),
					    visitors_per_minute      INT NOT NULL,
					    visitors_burst           INT NOT NULL,
					    conversations_per_minute INT NOT NULL,
					    conversations_burst      INT NOT NULL
					)""");
		}
	}

	private static ClassPathResource eventPublicationSchema(Connection connection) throws SQLException {
		String database = connection.getMetaData().getDatabaseProductName();
		String script = switch (database) {
			case "H2" -> "schema-h2.sql";
			case "PostgreSQL" -> "schema-postgresql.sql";
			default -> throw new IllegalStateException("Kefu runs on H2 or PostgreSQL, not " + database);
		};
		return new ClassPathResource("org/springframework/modulith/events/jdbc/schemas/v2/" + script);
	}
}
