package dev.kefu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.UUID;

import org.HdrHistogram.Histogram;

/**
 * The database baseline: one autocommitted single-row insert into PostgreSQL, one at a time, as fast as it goes.
 * Kefu's message path is one short transaction with an update and an insert, so this is the floor under it.
 */
final class InsertBaseline {

	private InsertBaseline() {
	}

	static void run(Args args, Results results) throws SQLException {
		String url = args.get("pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
		int warmup = args.getInt("inserts-warmup", 2_000);
		int count = args.getInt("inserts", 10_000);
		try (Connection db = DriverManager.getConnection(url, args.get("pg-user", "postgres"), "")) {
			try (Statement ddl = db.createStatement()) {
				ddl.execute("DROP TABLE IF EXISTS bench_insert");
				ddl.execute("""
						CREATE TABLE bench_insert (id UUID PRIMARY KEY, conversation_id UUID NOT NULL, seq BIGINT NOT NULL,
						body VARCHAR(5000) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)""");
			}
			try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_insert VALUES (?, ?, ?, ?, ?)")) {
				UUID conversation = UUID.randomUUID();
				Histogram latency = Latency.histogram();
				long start = 0;
				for (int i = 0; i < warmup + count; i++) {
					if (i == warmup) {
						start = System.nanoTime();
					}
					long t0 = System.nanoTime();
					insert.setObject(1, UUID.randomUUID());
					insert.setObject(2, conversation);
					insert.setLong(3, i);
					insert.setString(4, "a message of about the usual length, " + i);
					insert.setTimestamp(5, new Timestamp(System.currentTimeMillis()));
					insert.executeUpdate();
					if (i >= warmup) {
						latency.recordValue(System.nanoTime() - t0);
					}
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				results.put("insert.per-second", count / seconds);
				Latency.put(results, "insert.latency", latency);
			}
			finally {
				try (Statement ddl = db.createStatement()) {
					ddl.execute("DROP TABLE IF EXISTS bench_insert");
				}
			}
		}
	}
}
